# Bitwise operators, including two's-complement semantics on negative and big ints.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~b)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(-6 & 0xff, -6 | 1, -6 ^ -1, ~-6, -1 & 12345)
print(-12 & -8, -12 | -8, -12 ^ -8)
print(1 << 0, 1 << 10, 1 << 64, 1 << 100, 3 << 62)
print(1024 >> 3, 1 >> 1, -1 >> 1, -1 >> 100, -16 >> 2, -17 >> 2)
print((1 << 100) >> 99, (2 ** 100 - 1) >> 50, -(2 ** 100) >> 98)
print(~0, ~1, ~-1, ~(2 ** 70))
print((2 ** 70 + 5) & 0xff, (2 ** 70) | 1, (2 ** 70 - 1) ^ (2 ** 69))
print(-(2 ** 70) & (2 ** 72 - 1))
print(True & False, True | False, True ^ True, type(True & True))
print(5 & 3 | 8, 5 | 3 & 8, 1 << 2 + 1, 6 ^ 3 & 5)
x = 0xf0
x &= 0x3c
print(x)
x |= 0x01
print(x)
x ^= 0xff
print(x)
x <<= 4
print(x)
x >>= 2
print(x)
print([n & -n for n in range(1, 17)])
print([bin(n) for n in range(-4, 5)])
