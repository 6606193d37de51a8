# Uncaught OverflowError: true division of huge ints whose result exceeds a double.
# expect: OverflowError: integer division result too large for a float
a = 10 ** 400
print(a // 10 ** 399, a % 7, (a * 3) // a)
print(10 ** 300 / 10 ** 290, a / a, (a + 1) / a)
print(2 ** 2000 // 2 ** 1999, 2 ** 2000 % 3)
print(2 ** 1000 / 2 ** 999, 10 ** 308 / 10)
print((10 ** 400) // 3 > 10 ** 399)
print("true division needs a result that fits a double")
print(a / 3)
