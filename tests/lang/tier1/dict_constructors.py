# Ways to build and merge dicts: dict(...), zip, unpacking, | and |=.
print(dict(a=1, b=2), dict([("a", 1), ("b", 2)]), dict({"a": 1}, c=3))
keys, values = ["x", "y", "z"], [1, 2, 3]
print(dict(zip(keys, values)), dict(zip(keys, range(100))), dict(zip("ab", "cd")))
print(dict(enumerate("abc")), dict([[1, 2], (3, 4), "ab"]), dict(()))
base = {"a": 1, "b": 2}
extra = {"b": 20, "c": 30}
print({**base, **extra}, {**extra, **base}, {**base, "z": 0, **{"a": -1}})
print(base | extra, extra | base, base)
merged = dict(base)
merged |= extra
merged |= [("d", 4)]
print(merged, base)
print(dict(base, **extra), dict(**base))
copy = dict(base)
copy["a"] = 100
print(base, copy)
pairs = [("k1", "v1"), ("k2", "v2"), ("k1", "v3")]
print(dict(pairs), len(dict(pairs)))
print(dict.fromkeys(range(3), "x"), dict(sorted({"b": 1, "a": 2}.items())))
