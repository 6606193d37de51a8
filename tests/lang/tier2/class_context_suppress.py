# __exit__ receives the exception details; returning True suppresses the exception.
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.seen = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.seen.append("clean")
            return False
        self.seen.append((exc_type.__name__, str(exc), type(exc) is exc_type, tb is not None))
        return issubclass(exc_type, self.types)


s = Suppress(KeyError, ZeroDivisionError)
with s:
    1 / 0
print("after zero division", s.seen)
with s as same:
    print(same is s)
    {}["k"]
    print("not reached")
with s:
    print("nothing raised")
print(s.seen)
try:
    with s:
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated:", e)
print(s.seen[-1])
def f():
    with Suppress(IndexError):
        return [][5]
    return "after with"
print(f())
class Transaction:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        self.log.append("begin")
    def __exit__(self, exc_type, exc, tb):
        self.log.append("rollback" if exc_type else "commit")
log = []
with Transaction(log):
    log.append("work")
try:
    with Transaction(log):
        raise RuntimeError("fail")
except RuntimeError:
    log.append("handled")
print(log)
