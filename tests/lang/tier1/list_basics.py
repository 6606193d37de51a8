# Lists: creation, indexing, mutation, length, membership, list().
lst = [5, 3, 8, 1]
print(lst, len(lst), lst[0], lst[-1], lst[1:3])
lst[0] = 50
lst[-1] = 10
print(lst)
print(list(), list("abc"), list(range(4)), list((1, 2)), list({"a": 1, "b": 2}))
print(8 in lst, 9 in lst, 9 not in lst, [1, 2] in [[1, 2], [3]])
mixed = [1, "two", 3.0, None, [5], (6,), {"seven": 7}]
for item in mixed:
    print(type(item).__name__, item)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
squares = []
for i in range(6):
    squares.append(i * i)
print(squares, sum(squares), max(squares), min(squares))
print([], [[]], len([[]]), bool([]), bool([[]]))
words = "the quick brown fox".split()
print(words, len(words), [len(w) for w in words])
copy = list(words)
copy[0] = "a"
print(words[0], copy[0], copy == words, copy is words)
