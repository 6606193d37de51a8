# Generator expressions: laziness, consumption by builtins, nesting, scoping.
nums = [3, 1, 4, 1, 5, 9, 2, 6]
squares = (n * n for n in nums)
print(type(squares).__name__, next(squares), next(squares))
print(list(squares))
print(sum(n for n in nums if n % 2), max(n - 5 for n in nums), min(abs(n - 4) for n in nums))
print(any(n > 8 for n in nums), all(n > 0 for n in nums))
print(sorted((n for n in nums), reverse=True)[:3])
print(dict((n, n * n) for n in range(4)))
print(",".join(str(n) for n in nums))
print(list((x, y) for x in range(3) for y in range(x)))
print(tuple(c.upper() for c in "gen" if c != "e"))
log = []
def noisy(n):
    log.append(n)
    return n
lazy = (noisy(n) for n in range(5))
print(log)
print(next(lazy), log)
print(list(lazy), log)
x = 10
g = (x + i for i in range(3))
x = 100
print(list(g))
matrix = [[1, 2], [3, 4]]
print(list(sum(row) for row in matrix), sum(v for row in matrix for v in row))
