# generator.throw: raise inside the generator at the paused yield; it may handle it.
def resilient():
    count = 0
    while True:
        try:
            yield count
        except ValueError as e:
            print("generator caught:", e)
            count = -1
        except KeyError:
            print("generator got KeyError, finishing")
            return "finished"
        count += 1

g = resilient()
print(next(g), next(g))
print(g.throw(ValueError("reset")))
print(next(g), next(g))
try:
    g.throw(KeyError("k"))
except StopIteration as e:
    print("StopIteration value:", e.value)
def fragile():
    yield 1
    yield 2
f = fragile()
next(f)
try:
    f.throw(IndexError("not handled"))
except IndexError as e:
    print("propagated:", e)
print(next(f, "closed after throw"))
def with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup runs")
h = with_finally()
next(h)
try:
    h.throw(RuntimeError("boom"))
except RuntimeError as e:
    print("caught", e)
