# str/repr/args of exceptions built with zero, one or several arguments.
for exc in [Exception(), Exception("one"), Exception("a", 2), Exception(None), Exception(""),
            ValueError(3.5), KeyError("key"), KeyError("it's"), KeyError(1), KeyError((1, 2)),
            KeyError(), KeyError("a", "b"), IndexError("list index out of range"),
            RuntimeError(["list", "arg"]), TypeError("x", None), AssertionError("m")]:
    print(type(exc).__name__, "|", str(exc), "|", repr(exc), "|", exc.args)
e = ValueError("msg")
print(e.args[0], len(e.args), isinstance(e, Exception), type(e) is ValueError)
print(str(ZeroDivisionError("division by zero")), repr(OverflowError("big")))
err = StopIteration()
print(repr(err), err.value, StopIteration(7).value)
