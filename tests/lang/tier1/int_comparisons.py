# Integer comparisons, including big ints, chains, and mixed numeric types.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print(-5 < -3, -(2 ** 100) < 0 < 2 ** 100, 2 ** 100 == 2 ** 100)
print(2 ** 64 > 2 ** 64 - 1, 2 ** 64 != 2 ** 64 + 1)
print(3 > 2 > 1, 3 > 2 < 1, 1 < 3 > 2, 1 == 1 == 1, 1 == 1 != 2)
print(0 == -0, 0 < 1e-300, -1 < -0.5 < 0)
print(True == 1, False < True, True < 2)
print(max(3, 7, 5), min(3, 7, 5), max([-1, -8]), min([2 ** 70, 2 ** 69]))
print(sorted([5, -2, 2 ** 65, 0, -(2 ** 65), 7]))
vals = [3, 1, 4, 1, 5, 9, 2, 6]
print([v for v in vals if 2 < v <= 5])
print(sum(1 for a, b in zip(vals, vals[1:]) if a < b))
five = 5
print(five == 5.0, five is not None, five != "5", five == "5")
print((1, 2) < (1, 3), [1, 2] == [1, 2.0], [2] > [1, 99])
print(10 > 9.999999999, 10 >= 10.0, 2 ** 63 > 9.2e18, 2 ** 63 == 9.223372036854775808e18)
