# Big ints: conversions, comparisons with small ints and floats, shrinking back.
big = 2 ** 100
print(str(big), repr(big), len(str(big)))
print(int("1" * 40), int("-" + "9" * 30) + 1)
print(hex(big), oct(big), bin(2 ** 70))
print(int(hex(big), 16) == big, int(bin(2 ** 70)[2:], 2) == 2 ** 70)
print(float(big), float(2 ** 63), float(-(2 ** 64)))
print(int(1e20), int(1.5e30), int(-2.5e25))
print(big == 2.0 ** 100, big + 1 == 2.0 ** 100, big + 1 > 2.0 ** 100)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > 2.0 ** 53)
small = big - (big - 7)
print(small, type(small), small * 6)
x = 2 ** 64
y = x - 2 ** 64 + 1
print(y, y == 1, y + y)
print(big // big, big % big, big - big)
print(big < 1e31, big > 1e30, -big < -1e30)
print(max(big, 5), min(-big, 5), sorted([big, -3, 2 ** 64, 0]))
print(big / 2 ** 98, (2 ** 1000) / (2 ** 998), 10 ** 30 / 10 ** 28)
print(bool(big), bool(big - big), big.bit_length(), (-big).bit_length())
