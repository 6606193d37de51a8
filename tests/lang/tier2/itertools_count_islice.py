# itertools.count and islice: infinite counters cut down to size.
from itertools import count, islice

print(list(islice(count(), 5)))
print(list(islice(count(10, 5), 4)))
print(list(islice(count(1.5, 0.5), 3)))
print(list(islice(count(0, -3), 4)))
print(list(islice("abcdefg", 2, 6)), list(islice("abcdefg", 0, None, 3)))
print(list(islice(range(100), 10, 20, 4)))
c = count(7)
print(next(c), next(c), next(c))
for i, letter in zip(count(1), "xyz"):
    print(i, letter)
def squares():
    for n in count(1):
        yield n * n
print(list(islice(squares(), 8)))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 3)), list(it))
print(list(islice(count(), 0)), list(islice([1, 2], 5)))
print(next(islice(count(100), 3, None)))
