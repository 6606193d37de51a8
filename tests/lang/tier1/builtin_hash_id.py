# hash of ints (deterministic in CPython) and id() used only for identity comparisons.
print(hash(0), hash(1), hash(-1), hash(-2), hash(42), hash(True), hash(False))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100), hash(-(2 ** 61)), hash(10 ** 20))
print(hash(1) == hash(1.0), hash(-1) == hash(-2), hash(7) == 7)
print(hash((1, 2)) == hash((1, 2)), hash("abc") == hash("abc"), hash(frozenset([1])) == hash(frozenset([1])))
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c))
x = None
print(id(x) == id(None), id(True) == id(1 == 1))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({"a": 1})
except TypeError as e:
    print("TypeError:", e)
print(isinstance(hash("anything"), int), isinstance(id(a), int))
