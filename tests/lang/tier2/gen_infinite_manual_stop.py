# Infinite generators stopped by the consumer (no itertools): break, counters, predicates.
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1

def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n

def take(n, gen):
    result = []
    for item in gen:
        if len(result) == n:
            break
        result.append(item)
    return result

def take_while(pred, gen):
    for item in gen:
        if not pred(item):
            return
        yield item

print(take(10, primes()))
print(list(take_while(lambda p: p < 60, primes())))
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(collatz(27))[:12], len(list(collatz(27))))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
for i, f in enumerate(fib()):
    if f > 1000:
        print("first fib over 1000:", i, f)
        break
gen = naturals(100)
print(next(gen), next(gen), [next(gen) for _ in range(3)])
