# Float arithmetic: division, floor division, modulo, powers, accumulation error.
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, divmod(a, b), divmod(-a, b))
print(1.0 / 3.0, 2.0 / 3.0, 1.0 - 2.0 / 3.0)
print(0.1 * 3, 0.1 + 0.1 + 0.1, 1.0 - 0.9, 3.3 * 3)
print(2.0 ** 10, 2.0 ** -1, 10.0 ** 15, 10.0 ** 16, 9.0 ** 0.5, 2.0 ** 0.5)
print(1e308 + 1e308, -1e308 - 1e308, 1e-320 * 1e-10)
total = 0.0
for _ in range(10):
    total += 0.1
print(total, total == 1.0, round(total, 10) == 1.0)
x = 1.0
for i in range(60):
    x /= 2
print(x, x * 2 ** 60)
print(5.5 % 1, -5.5 % 1, 1e10 % 3, 12.5 // 0.5, 1.0 // 0.1, 1.0 % 0.1)
print(abs(-2.5), -(-2.5), +2.5, 3.0 == 3, 0.1 + 0.2 > 0.3)
c = 1.0
c *= 1.5
c -= 0.25
c /= 0.5
c **= 2
c //= 1.5
c %= 2.5
print(c)
print(100.0 / 3 * 3 == 100.0, (0.1 + 0.2) + 0.3 == 0.1 + (0.2 + 0.3))
print(1 / 3 + 1 / 3 + 1 / 3, 4.35 * 100, 0.57 * 100, int(0.57 * 100))
