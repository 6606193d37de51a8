# True division of ints is correctly rounded even for huge operands.
print(1 / 1, 0 / 5, -0 / 5, 5 / -1)
print(10 ** 30 / 10 ** 10, 10 ** 40 / 10 ** 39, (10 ** 30 + 1) / 10 ** 30)
print(2 ** 100 / 2 ** 50, 2 ** 1100 / 2 ** 1000)
print(1 / 7, 22 / 7, 355 / 113)
print(123456789123456789 / 1000000007)
print(-1 / 3, 1 / -3, -1 / -3)
print(3 ** 200 / 3 ** 199, (2 ** 64 - 1) / 2 ** 64)
print(1 / 2 ** 1074, 1 / 2 ** 1075, 1 / 2 ** 1076)
fractions = [(1, 2), (1, 4), (1, 8), (3, 8), (1, 10), (1, 100), (1, 1000)]
for n, d in fractions:
    print(n, "/", d, "=", n / d)
print([i / 10 for i in range(11)])
x = 10
x /= 4
print(x, type(x))
x = 9
x /= 3
print(x, type(x))
print(sum(1 / i for i in range(1, 11)))
