# Uncaught ValueError from max() of an empty sequence.
# expect: ValueError: max() arg is an empty sequence
groups = {"a": [3, 1], "b": [7], "c": []}
for name in ["a", "b"]:
    print(name, max(groups[name]))
print("c with default", max(groups["c"], default=None))
print(max([], default="empty"), min([4, 2]))
print(max("abc"), max(range(3)))
print(max(groups, key=lambda k: len(groups[k])))
print("c", max(groups["c"]))
