# raise with classes, instances, bare raise, and re-raising a stored exception.
for thing in [ValueError, ValueError("with message"), TypeError("t", 1)]:
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, repr(e), e.args)
def reraise():
    try:
        raise IndexError("original")
    except IndexError:
        print("logging, then re-raising")
        raise
try:
    reraise()
except IndexError as e:
    print("caught again:", e)
saved = None
try:
    1 / 0
except ZeroDivisionError as e:
    saved = e
try:
    raise saved
except ZeroDivisionError as e:
    print("raised saved:", e, e is saved)
try:
    raise Exception("base", "class")
except Exception as e:
    print(e, e.args)
try:
    raise NotImplementedError("subclass hook")
except RuntimeError as e:
    print("NotImplementedError is a RuntimeError:", e)
try:
    raise StopIteration(5)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
