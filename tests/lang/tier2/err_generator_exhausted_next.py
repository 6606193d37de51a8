# next() on an exhausted generator at module level: a bare StopIteration escapes.
# expect: StopIteration
def two():
    yield "a"
    yield "b"
g = two()
print(next(g))
print(next(g))
print(next(g, "default"))
print(list(g))
next(g)
