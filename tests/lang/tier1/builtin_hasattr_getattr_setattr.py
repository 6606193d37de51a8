# hasattr/getattr/setattr on builtin objects and on function objects.
s = "hello"
print(hasattr(s, "upper"), hasattr(s, "nope"), getattr(s, "upper")(), getattr(s, "nope", "default"))
print(hasattr([], "append"), hasattr({}, "items"), hasattr(5, "bit_length"), hasattr(None, "x"))
print(getattr(5, "real"), getattr(2.5, "imag", "none"), getattr([1, 2, 3], "index")(2))
method_names = ["upper", "lower", "title", "swapcase"]
print([getattr("MiXed", name)() for name in method_names])
def target():
    return "called"
setattr(target, "color", "blue")
setattr(target, "count", 0)
for _ in range(3):
    setattr(target, "count", getattr(target, "count") + 1)
print(target.color, target.count, hasattr(target, "color"), getattr(target, "size", -1))
print(target.__name__, getattr(target, "__name__"), getattr(target, "__call__")())
try:
    getattr(s, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(s, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(None, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
