# Uncaught TypeError iterating over an int.
# expect: TypeError: 'int' object is not iterable
def flatten(items):
    out = []
    for item in items:
        out.extend(item)
        print("extended", out)
    return out
print(flatten([[1], [2, 3], "ab"]))
print(flatten([[1], 2]))
