# An exception raised inside an except block carries the original as __context__.
def fail_in_handler():
    try:
        {}["missing"]
    except KeyError:
        return 1 / 0
try:
    fail_in_handler()
except ZeroDivisionError as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__, e.__context__)
    print(e.__cause__, e.__suppress_context__)
def translate():
    try:
        int("x")
    except ValueError as err:
        raise KeyError("translated") from err
try:
    translate()
except KeyError as e:
    print(repr(e), "| cause:", repr(e.__cause__), e.__suppress_context__)
def hide():
    try:
        [].pop()
    except IndexError:
        raise RuntimeError("clean") from None
try:
    hide()
except RuntimeError as e:
    print(repr(e), e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        raise ValueError("inner")
    except ValueError:
        print("handling inner")
        raise
except ValueError as e:
    print("re-raised:", e)
