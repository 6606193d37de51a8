# callable() and the object builtin (used only through isinstance/type, never printed).
def f():
    return 1
samples = [f, lambda: 0, len, print, int, str, list, dict, object, 5, "s", [], None, [].append, "s".upper]
print([callable(x) for x in samples])
o1 = object()
o2 = object()
print(o1 is o2, o1 == o2, o1 == o1, o1 != o2, type(o1).__name__, isinstance(o1, object))
print(isinstance(5, object), isinstance(None, object), isinstance(len, object), issubclass(bool, object))
print(callable(o1), hasattr(o1, "anything"), getattr(o1, "anything", "missing"))
sentinel = object()
def lookup(d, k):
    v = d.get(k, sentinel)
    return "absent" if v is sentinel else v
print(lookup({"a": None}, "a"), lookup({"a": None}, "b"))
try:
    o1.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(str(type(o1)), type(object) is type)
