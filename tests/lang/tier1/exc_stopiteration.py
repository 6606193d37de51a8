# StopIteration from next() on exhausted iterators, and next() defaults.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration caught", repr(e), e.args)
empty = iter({})
print(next(empty, "empty dict"), next(iter(""), "empty str"), next(iter(range(0)), 0))
g = (x for x in [1])
print(next(g))
try:
    next(g)
except StopIteration:
    print("generator exhausted")
def first(iterable, default=None):
    for item in iterable:
        return item
    return default
print(first([]), first([], "none"), first("xyz"), first(range(5, 10)))
numbers = iter(range(3))
while True:
    try:
        n = next(numbers)
    except StopIteration:
        print("done")
        break
    print("got", n)
