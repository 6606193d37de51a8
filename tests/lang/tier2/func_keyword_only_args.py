# Keyword-only parameters: after * or *args, with and without defaults.
def connect(host, port=80, *, timeout=10, secure=False):
    return f"{host}:{port} timeout={timeout} secure={secure}"

print(connect("a"))
print(connect("b", 8080, secure=True))
print(connect("c", timeout=1))
print(connect(port=1, host="d", secure=True, timeout=0))
def log(*messages, sep=" ", level):
    return f"[{level}] " + sep.join(messages)
print(log("x", "y", level="INFO"))
print(log(level="WARN"))
print(log("a", "b", "c", sep="-", level="DEBUG"))
def make(*, name, size=1, **extra):
    return name, size, sorted(extra.items())
print(make(name="box"))
print(make(size=3, name="crate", color="red", fragile=True))
try:
    connect("e", 1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    log("x")
except TypeError as e:
    print("TypeError:", e)
try:
    make("positional")
except TypeError as e:
    print("TypeError:", e)
print(connect.__kwdefaults__, make.__kwdefaults__, connect.__defaults__)
options = {"timeout": 5, "secure": True}
print(connect("f", **options))
