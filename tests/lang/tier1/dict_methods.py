# Every dict method: get setdefault pop popitem update clear copy fromkeys keys values items.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("x"), d.get("x", 0), d.get("a", 99))
print(d.setdefault("a", 100), d.setdefault("d", 4), d.setdefault("e"), d)
print(d.pop("e"), d.pop("missing", "default"), d)
print(d.popitem(), d.popitem(), d)
d.update({"x": 10, "a": -1})
print(d)
d.update([("y", 20), ("z", 30)])
print(d)
d.update(k=1, a=0)
print(d)
d.update({"m": 1}, n=2)
print(d)
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"], c is d, c == d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)
print(list(d.keys()), list(d.values()), list(d.items())[:2])
d.clear()
print(d, len(d))
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
