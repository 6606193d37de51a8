# None: the result of functions without return, defaults, and comparisons.
def nothing():
    pass

def early(flag):
    if flag:
        return
    return 42

print(nothing(), early(True), early(False))
r = print("printing returns:")
print(r, r is None)
lst = [3, 1, 2]
print(lst.sort(), lst, lst.append(4), lst)
d = {"a": 1}
print(d.get("b"), d.get("a"), d.get("b") is None)
x = None
print(x is None, x == None, x is not None, type(x).__name__)
print(repr(None), str(None), [None, None], (None,), {None: None})
print(None in [1, None], None in [1, 2], [None] * 3)
print(bool(None), not None, None or "default", None and "never")
values = [None, 0, "", [], False]
print([v is None for v in values], [v == None for v in values])
def maybe(n):
    return n * 2 if n > 0 else None
results = [maybe(i) for i in range(-2, 3)]
print(results, [r for r in results if r is not None])
print(sorted([3, 1, 2], key=lambda v: v if v is not None else 0))
