# The with statement: __enter__'s result is bound by `as`, __exit__ always runs.
class Tracer:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type is None, exc is None, tb is None)
        return False


with Tracer("a") as value:
    print("body", value)
with Tracer("outer") as o, Tracer("inner") as i:
    print("both", o, i)
def early():
    with Tracer("in function"):
        return "returned"
print(early())
for n in range(3):
    with Tracer(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)
try:
    with Tracer("failing"):
        raise KeyError("boom")
except KeyError as e:
    print("caught outside", repr(e))
with Tracer("no as"):
    pass
