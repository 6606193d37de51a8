# Big integers in practice: Fibonacci, factorial digits, powers of two, digit sums.
a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print("fib(300) =", a)
print(len(str(a)), sum(int(d) for d in str(a)), a % 1000000007)
fibs = [0, 1]
while len(str(fibs[-1])) < 50:
    fibs.append(fibs[-1] + fibs[-2])
print(len(fibs) - 1, fibs[-1])
f = 1
for i in range(2, 101):
    f *= i
trailing = len(str(f)) - len(str(f).rstrip("0"))
print("100! has", len(str(f)), "digits and", trailing, "trailing zeros")
print(sum(int(d) for d in str(2 ** 1000)))
print(2 ** 521 - 1)
def lucas_lehmer(p):
    m, s = 2 ** p - 1, 4
    for _ in range(p - 2):
        s = (s * s - 2) % m
    return s == 0
print([2] + [p for p in [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 61, 89, 107, 127] if lucas_lehmer(p)])
n = 7 ** 77
print(n, n.bit_length(), n % 10 ** 10, n // 10 ** 60)
print(str(3 ** 200)[:20], str(3 ** 200)[-20:])
