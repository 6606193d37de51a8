# type() of builtin values prints <class '...'>; __name__ gives the bare name.
values = [3, 3.0, True, None, "s", [1], (1,), {1: 2}, {1}, frozenset(), range(2), slice(1),
          len, print, lambda: 0, zip(), map(str, []), (x for x in []), 2 ** 100]
for v in values:
    print(type(v), type(v).__name__)
print(type(3) is int, type(True) is bool, type(True) == int, type(type(3)))
print(type(int), type(len).__name__, type(None)(), type("")(), type([])("ab"), type(0)("7"))
def f():
    pass
print(type(f), type(f()), type(ValueError()), type(ValueError), type(object()))
