# Catching exceptions and inspecting str(e), repr(e), e.args and type(e).__name__.
def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__} | str={str(e)!r} | repr={e!r} | args={e.args}")
    else:
        print(f"{label}: ok {result!r}")
attempt("div", lambda: 1 / 0)
attempt("idx", lambda: [1, 2][5])
attempt("key", lambda: {"a": 1}["b"])
attempt("int", lambda: int("abc"))
attempt("add", lambda: 1 + "a")
attempt("attr", lambda: (5).foo)
attempt("name", lambda: undefined_name)
attempt("fine", lambda: 2 + 2)
attempt("next", lambda: next(iter([])))
attempt("unpack", lambda: [a for a, b in [(1, 2, 3)]])
attempt("pop", lambda: {}.pop("x"))
attempt("float", lambda: float("x1"))
def exec_assert():
    assert 0 > 1, "custom message"
attempt("assert", exec_assert)
try:
    raise ValueError("explicit", 42)
except ValueError as e:
    print(e, e.args, repr(e), len(e.args))
try:
    raise KeyError("k")
except KeyError as e:
    print(str(e), repr(e), e.args)
try:
    raise RuntimeError
except RuntimeError as e:
    print(repr(str(e)), repr(e), e.args)
