# Arbitrary precision arithmetic: never wraps, prints exactly.
a = 2 ** 200
print(a)
print(a + 1, a - 1, -a)
print(a * a)
print(a // 3, a % 3, -a // 3, -a % 3)
print(a // (2 ** 100), a % (2 ** 100 + 1))
b = 10 ** 50 + 12345
print(b * b - b, (b - 1) * (b + 1) == b * b - 1)
f = 1
for i in range(1, 51):
    f *= i
print("50! =", f)
print(len(str(f)), str(f).count("0"))
print(f // 2 ** 47 % 2, f % 10 ** 12)
m = 9223372036854775807
print(m + 1, m * 2, m * m, -m - 2)
print((m + 1) // 2 == 2 ** 62, (m + 1) - 1 == m)
n = 3 ** 100
print(n, n % 1000000007, n // 3 ** 98)
print(2 ** 200 - 2 ** 200 + 5, 2 ** 200 > 2 ** 199, -(2 ** 200) < -(2 ** 199))
print(abs(-(2 ** 70)), divmod(2 ** 70, 10 ** 9), divmod(-(2 ** 70), 10 ** 9))
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
