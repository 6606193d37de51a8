# hex/bin/oct formatting of positive, negative, zero and big ints; round trips via int().
for n in [0, 1, 7, 8, 15, 16, 255, 256, -1, -255, 2 ** 32, -(2 ** 64), 2 ** 100 + 1]:
    print(n, hex(n), bin(n), oct(n))
print(int(hex(3735928559), 16), int(bin(42), 2), int(oct(511), 8), int(hex(-255), 16))
print(int(hex(2 ** 100), 0), hex(True), bin(False), oct(True))
print(hex(0xABCDEF), hex(0o777), bin(0b1010), oct(0o17))
print([bin(i)[2:].zfill(4) for i in range(8)], [hex(i)[2:] for i in range(10, 16)])
print(bin(255).count("1"), len(bin(2 ** 64 - 1)) - 2, hex(255).upper(), "%x" % 255)
mask = 0b1010_1010
print(hex(mask), oct(mask), bin(mask >> 1), bin(mask & 0xF), hex(~mask), bin(-mask))
for width in (4, 8):
    print(width, format(mask & (2 ** width - 1), f"0{width}b"), f"{mask:#0{width + 2}x}")
