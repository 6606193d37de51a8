# isinstance (with tuples of types) and issubclass over builtin types.
values = [1, True, 1.5, "s", None, [1], (1,), {1: 2}, {1}, frozenset(), range(1), len, 2 ** 80]
for v in values:
    print(repr(v)[:12], isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, (str, float, type(None))), isinstance(v, object))
print(isinstance(True, bool), isinstance(True, int), isinstance(1, bool), isinstance(1, float))
print(isinstance([], (int, (str, list))), isinstance(3, ()), isinstance("x", (int,)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(str, str))
print(issubclass(bool, (str, int)), issubclass(list, (tuple, dict)), issubclass(ValueError, Exception))
print(issubclass(type(None), object), issubclass(frozenset, set), issubclass(dict, object))
def describe(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, (int, float)):
        return "number"
    if isinstance(x, str):
        return "text"
    if isinstance(x, (list, tuple, set)):
        return f"collection of {len(x)}"
    return "other"
print([describe(v) for v in [True, 3, 2.5, "hi", [1, 2], (), {1}, None, {}]])
