# Modulo takes the sign of the divisor; a == (a // b) * b + a % b always.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (6, 3), (-6, 3), (0, 3), (3, 7),
         (-3, 7), (3, -7), (100, 1), (-1, 1000)]
for a, b in pairs:
    r = a % b
    q = a // b
    print(f"{a} % {b} = {r}; check {q * b + r == a}")
print(-1 % 2**64, 2**64 % -7, -(2**100) % 12345)
print(10**30 % 997, -(10**30) % 997)
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(-1e-20 % 1.0, 5 % 2.5, -0.0 % 3)
print(type(7 % 2), type(7 % 2.0))
x = 29
x %= 7
print(x)
hours = [-3, 0, 13, 25, 47, -25]
print([h % 24 for h in hours])
print([i % 3 for i in range(-5, 6)])
print([i % -3 for i in range(-5, 6)])
