# Exponentiation: int**int stays int (or float for negative exponents), pow with modulus.
print(2 ** 10, 3 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 2)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -1)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(2 ** 64, 2 ** 100, 10 ** 25)
print(1 ** 1000, (-1) ** 1001, 0 ** 5)
print(2.0 ** 10, 2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
print(pow(2, 10), pow(2, -1), pow(2.0, 3))
print(pow(3, 4, 5), pow(2, 100, 1000), pow(7, 0, 13), pow(5, 3, 1))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7))
print(pow(3, -1, 7), pow(2, -1, 9), pow(10, -2, 7))
print(pow(123456789, 987654321, 10**9 + 7))
print(pow(2, 10**5, 10**9), pow(2**200, 2**100, 2**61 - 1))
x = 3
x **= 4
print(x, type(x))
print(type(2 ** 2), type(2 ** -2), type(2 ** 2.0))
print([2 ** i for i in range(12)])
print((-8) ** 2, -8 ** 2, (-1) ** 0)
