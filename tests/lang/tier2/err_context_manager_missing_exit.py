# A with statement on an object with __enter__ but no __exit__.
# expect: TypeError: 'Half' object does not support the context manager protocol (missed __exit__ method)
class Half:
    def __enter__(self):
        print("never entered")
        return self
class Full(Half):
    def __exit__(self, *args):
        return False
with Full():
    print("full works")
with Half():
    print("never printed")
