# sys.exit inside a with block: __exit__ sees SystemExit and does not suppress it.
# expect-status: 4
import sys

class Guard:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit with", exc_type.__name__ if exc_type else None, exc.code if exc_type else "")
        return False

with Guard():
    print("working")
with Guard():
    sys.exit(4)
print("never printed")
