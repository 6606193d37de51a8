# map and filter are lazy iterators; map with several iterables; filter(None, ...).
print(list(map(str, [1, 2, 3])), list(map(len, ["a", "bb"])), list(map(abs, [-1, 2, -3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2c3")))
print(list(filter(lambda x: x % 2 == 0, range(10))), list(map(int, "123")))
m = map(lambda x: x * 10, [1, 2, 3])
print(next(m), list(m), list(m))
f = filter(lambda x: x > 1, [1, 2, 3])
print(next(f), next(f), next(f, "end"))
log = []
def noisy(x):
    log.append(x)
    return x * 2
lazy = map(noisy, range(5))
print(log)
print(next(lazy), log)
print(list(lazy), log)
print(sum(map(int, "12345")), max(map(len, "a bbb cc".split())), "-".join(map(str.upper, "abc")))
print(type(map(str, [])).__name__, type(filter(None, [])).__name__)
print(list(map(lambda p: p[0] + p[1], zip("ab", "cd"))), sorted(filter(None, {3: 1, 0: 2, 1: 0})))
