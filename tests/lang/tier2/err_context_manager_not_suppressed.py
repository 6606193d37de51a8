# __exit__ returning a false value lets the exception propagate after cleanup.
# expect: KeyError: 'session'
class Resource:
    def __enter__(self):
        print("acquire")
        return {"user": "ann"}
    def __exit__(self, exc_type, exc, tb):
        print("release, saw", exc_type.__name__ if exc_type else None)
        return None
with Resource() as r:
    print(r["user"])
with Resource() as r:
    print(r["session"])
