# getattr/setattr/hasattr/delattr on instances, with defaults and dynamic names.
class Record:
    kind = "record"

    def __init__(self):
        self.a = 1


r = Record()
print(getattr(r, "a"), getattr(r, "kind"), getattr(r, "b", "default"))
setattr(r, "b", 2)
setattr(r, "with space", 3)       # any string works through setattr
print(r.b, getattr(r, "with space"), sorted(vars(r)))
print(hasattr(r, "a"), hasattr(r, "zzz"), hasattr(r, "kind"), hasattr(r, "__init__"))
delattr(r, "a")
print(hasattr(r, "a"), getattr(r, "a", None))
for name in ["x", "y", "z"]:
    setattr(r, name, name.upper() * 2)
print([getattr(r, n) for n in "xyz"])
try:
    delattr(r, "a")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(r, "missing")
except AttributeError as e:
    print("AttributeError:", e)
method = getattr(r, "__init__")
method()
print(r.a)
setattr(Record, "kind", "changed")
print(r.kind, Record().kind)
def dispatch(obj, command, *args):
    handler = getattr(obj, "do_" + command, None)
    if handler is None:
        return f"unknown command {command}"
    return handler(*args)
class Shell:
    def do_add(self, a, b):
        return a + b
    def do_echo(self, *words):
        return " ".join(words)
print(dispatch(Shell(), "add", 2, 3), dispatch(Shell(), "echo", "hi", "there"), dispatch(Shell(), "rm"))
