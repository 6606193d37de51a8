# Operator precedence and associativity.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, -2 ** -2)
print(2 + 3 * 4, (2 + 3) * 4, 10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4, 2 * (3 % 4))
print(7 // 2 * 2, 7 % 3 * 2, -7 // 2, -(7 // 2), -7 % 3, -(7 % 3))
print(1 + 2 << 1, 1 + (2 << 1), 1 << 2 + 1, 6 & 3 | 8, 6 & (3 | 8), 1 | 2 ^ 3 & 4)
print(1 < 2 == True, (1 < 2) == True, not 1 == 2, not (1 == 2), not 1 + 1)
print(1 + 2 == 3 and 2 * 2 == 4 or False, True or False and False, (True or False) and False)
print(~1 + 1, ~(1 + 1), -~5, ~-5, - - 3, +-+3)
print(3 > 2 and 2 > 1 or 0, not 0 and 1, 0 or not 0)
print(2 * 3 ** 2, (2 * 3) ** 2, -3 ** 2 * 2, 10 - 2 ** 3 // 3)
x = 5
print(x * 2 if x > 3 else x - 1, x + 1 if x < 3 else x - 1 * 2)
print("a" + "b" * 3, ("a" + "b") * 3, "x" in "xyz" == True, ("x" in "xyz") == True)
print(1 if 0 else 2 if 0 else 3, [1, 2, 3][1:][0], -[1, 2][-1], 2 ** -[1][0])
