# Collatz sequences with a cache of known lengths.
cache = {1: 1}
def length(n):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    total = cache[n]
    for m in reversed(path):
        total += 1
        cache[m] = total
    return total
def sequence(n):
    out = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        out.append(n)
    return out
print(sequence(6), sequence(27)[:10], len(sequence(27)), max(sequence(27)))
best = max(range(1, 10000), key=length)
print(best, length(best))
print([length(n) for n in range(1, 21)])
print(len(cache) > 10000, length(2 ** 50), length(837799))
