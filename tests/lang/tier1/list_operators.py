# List operators: + * += *= comparisons; repetition aliases inner lists.
a, b = [1, 2], [3]
print(a + b, a * 3, 0 * a, a * -1, [None] * 4)
print(a == [1, 2], a != b, a < b, [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 5])
print([1, [2, 3]] == [1, [2, 3]], [1, 2] == [1.0, 2.0], [1, 2] == (1, 2))
bad = [[0] * 2] * 3
bad[0][0] = 9
print(bad, bad[0] is bad[2])
good = [[0] * 2 for _ in range(3)]
good[0][0] = 9
print(good)
x = [1]
alias = x
x += [2]
print(x, alias, x is alias)
x = x + [3]
print(x, alias, x is alias)
y = [0, 1]
y *= 2
print(y)
y *= 0
print(y)
print(max([[1, 2], [1, 3], [0, 9]]), min([[1], [0, 5]]), sorted([[3], [1, 2], [1]]))
print(len([1] * 1000), sum([[1], [2], [3]], []), [1, 2] * True)
