# Dicts keep insertion order; overwriting keeps position; delete + reinsert moves to end.
d = {}
d["b"] = 1
d["a"] = 2
d["c"] = 3
print(d, len(d), list(d))
d["b"] = 10
print(d)
del d["b"]
d["b"] = 20
print(d)
print(d["a"], d.get("zz"), "a" in d, "zz" not in d, 2 in d)
for key in d:
    print(key, d[key])
for key, value in d.items():
    print(f"{key}={value}")
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, list({1: 0, 2: 0}) == list({2: 0, 1: 0}))
counts = {}
for word in "a b a c b a d".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts, key=lambda k: -counts[k]))
nested = {"outer": {"inner": {"leaf": 1}}}
nested["outer"]["inner"]["leaf"] += 1
nested["outer"]["new"] = []
nested["outer"]["new"].append(3)
print(nested)
print(dict(), {}, len({}), bool({}), bool({0: 0}))
