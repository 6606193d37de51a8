# The handled-exception state after exceptions leave `with`, `finally` and `except` blocks:
# nothing of an inner handler may leak into a later exception's __context__.
class Manager:
    def __init__(self, suppress):
        self.suppress = suppress
        self.seen = []

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        self.seen.append(kind.__name__ if kind else None)
        return self.suppress


def raise_in_with(suppress):
    manager = Manager(suppress)
    with manager:
        raise ValueError("inside")
    return manager.seen


def raise_in_finally():
    try:
        raise KeyError("k")
    finally:
        print("finally ran")


def reraise_in_except():
    try:
        1 / 0
    except ZeroDivisionError:
        raise


for function, args in [(raise_in_with, (False,)), (raise_in_with, (True,)), (raise_in_finally, ()),
                       (reraise_in_except, ())]:
    try:
        print(function.__name__, function(*args))
    except Exception as error:
        print(function.__name__, type(error).__name__, repr(error.__context__))

try:
    raise RuntimeError("after")
except RuntimeError as error:
    print("later context:", repr(error.__context__))

try:
    try:
        raise_in_with(False)
    except ValueError:
        raise TypeError("while handling")
except TypeError as error:
    print("chained:", type(error.__context__).__name__, error.__context__)

with Manager(True) as outer:
    with Manager(False):
        raise LookupError("nested")
print("outer saw", outer.seen)
{}["missing"]
