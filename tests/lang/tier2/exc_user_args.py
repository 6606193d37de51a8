# The args tuple of exceptions: zero, one and several arguments, str/repr of each.
class E(Exception):
    pass

cases = [E(), E("one"), E("two", 2), E(42), E(None), E(["list"]), E("")]
for exc in cases:
    print(repr(exc), "|", str(exc), "|", exc.args, "|", len(exc.args))
e = E("x")
e.args = ("changed", 1)
print(e, e.args)
try:
    raise E("a", "b", "c")
except E as caught:
    first, *rest = caught.args
    print(first, rest)
class Coded(Exception):
    def __init__(self, code, *details):
        super().__init__(code, *details)
        self.code = code
c = Coded(404, "not found", "/index")
print(c.code, c.args, str(c))
print(str(KeyError("k")), str(KeyError("k", "v")), repr(KeyError()))
print(repr(ValueError("bad", 3)), str(IndexError()))
err = RuntimeError("wrapped")
err.note = "extra attribute"
print(err.note, vars(err))
