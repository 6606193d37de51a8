# itertools.chain and chain.from_iterable, lazily concatenating iterables.
from itertools import chain

print(list(chain([1, 2], (3,), "ab", range(2))))
print(list(chain()), list(chain([], [])))
rows = [[1, 2, 3], [4], [], [5, 6]]
print(list(chain.from_iterable(rows)))
print(sum(chain.from_iterable(rows)))
def gen(n):
    print("gen", n, "started")
    yield from range(n)
lazy = chain.from_iterable(gen(n) for n in [1, 2, 3])
print("created")
print(next(lazy), next(lazy))
print(list(lazy))
words = ["abc", "de"]
print("".join(chain.from_iterable(words)), list(chain(*words)))
d = {"a": [1, 2], "b": [3]}
print(sorted(chain.from_iterable(d.values())), list(chain(d, d.values())))
c = chain([1], [2])
print(iter(c) is c, type(c).__name__)
