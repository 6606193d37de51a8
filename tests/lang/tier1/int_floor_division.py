# Floor division rounds toward negative infinity, for every sign combination.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (0, -5),
         (1, 3), (-1, 3), (1, -3), (-1, -3), (100, 7), (-100, 7)]
for a, b in pairs:
    print(a, "//", b, "=", a // b)
print(-1 // 10, -9 // 10, -10 // 10, -11 // 10)
print(2**100 // 3, -(2**100) // 3, 2**100 // -3)
print(-(2**100) // -(2**99), (2**100 + 1) // 2**100)
print(7.0 // 2, -7.0 // 2, 7 // 2.0, -7 // -2.0)
print(-0.5 // 1, 0.5 // -1)
print(type(7 // 2), type(7 // 2.0))
x = -17
x //= 4
print(x)
print(divmod(-17, 4), (-17 // 4) * 4 + (-17 % 4))
for n in range(-6, 7, 3):
    print(n, n // 3, n // -3, n // 4, n // -4)
