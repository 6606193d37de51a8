# Dict comprehensions: transforms, filters, inversion, nesting, duplicates.
squares = {n: n * n for n in range(6)}
print(squares)
print({k: v for k, v in squares.items() if v % 2 == 0})
print({v: k for k, v in squares.items()})
print({c: ord(c) for c in "hello"})
print({k: len(k) for k in ["a", "bb", "a", "ccc"]})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({i: {j: i + j for j in range(2)} for i in range(3)})
keys = ["x", "y", "z"]
print({k: i for i, k in enumerate(keys)}, {k: None for k in keys})
n = "outer"
result = {n: n * 2 for n in range(3)}
print(result, n)
print({str(i): i % 2 == 0 for i in range(5)})
