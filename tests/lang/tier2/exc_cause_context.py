# __cause__ (raise ... from ...), __context__ (raised during handling) and __suppress_context__.
class StorageError(Exception):
    pass

def load(key, store):
    try:
        return store[key]
    except KeyError as e:
        raise StorageError(f"no entry {key!r}") from e

try:
    load("a", {})
except StorageError as e:
    print(e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__))
    print(e.__suppress_context__, e.__cause__ is e.__context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(e, "| cause:", e.__cause__, "| context:", type(e.__context__).__name__)
    print(e.__suppress_context__)
try:
    try:
        [][0]
    except IndexError:
        raise TypeError("hidden context") from None
except TypeError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise RuntimeError("explicit") from KeyError("k")
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__)
plain = ValueError("plain")
print(plain.__cause__, plain.__context__, plain.__suppress_context__)
try:
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise IndexError("second")
        except IndexError:
            raise ValueError("third")
except ValueError as e:
    chain = []
    while e is not None:
        chain.append(type(e).__name__)
        e = e.__context__
    print(chain)
