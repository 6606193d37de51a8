# enumerate with default and custom start, over various iterables.
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("abc", start=-1)))
print(list(enumerate([])), list(enumerate(range(3), 10)), list(enumerate({"k": 1, "j": 2})))
for i, (a, b) in enumerate(zip("xy", [10, 20]), start=100):
    print(i, a, b)
e = enumerate(["first", "second"])
print(next(e), next(e), next(e, "done"))
print(dict(enumerate("xyz")), {v: i for i, v in enumerate("xyz")})
lines = ["alpha", "beta", "gamma"]
for number, line in enumerate(lines, 1):
    print(f"{number:03d} {line}")
print([i * v for i, v in enumerate([5, 5, 5, 5])], type(enumerate([])).__name__)
print(list(enumerate(enumerate("ab"))), list(enumerate("ab", 2 ** 64)))
