# Nested comprehensions: multiple for clauses, comprehensions within comprehensions.
print([(i, j) for i in range(3) for j in range(i)])
print([i * 10 + j for i in range(3) for j in range(3) if i != j])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[c] for row in matrix] for c in range(3)])
print([x for row in matrix for x in row if x % 2], [[x * x for x in row] for row in matrix])
print([[(i, j) for j in range(2)] for i in range(2)])
words = ["ab", "cd"]
print([c for w in words for c in w], ["".join(p) for p in [(a, b) for a in "xy" for b in "12"]])
print({i: [j for j in range(i)] for i in range(4)})
print([sum(x for x in range(n)) for n in range(6)])
triples = [(a, b, c) for c in range(1, 21) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
print([[y for y in range(x, x + 3)] for x in range(0, 9, 3)])
print([x for x in [y * 2 for y in range(5)] if x > 3])
