# Integer presentation types: d, x, X, o, b, c, n-free, with # alternate form and padding.
for v in [0, 1, 10, 255, 256, -255, 2 ** 40]:
    print(f"{v:d} {v:x} {v:X} {v:o} {v:b} {v:#x} {v:#X} {v:#o} {v:#b}")
print(f"{255:08b} {255:#010b} {255:#06x} {-255:#06x} {5:#b} {0:#o} {0:#x}")
print(f"{65:c}{66:c}{67:c} {0x263A:c} {97:c}")
print(f"{42:>8x}| {42:<8o}| {42:^8b}| {42:*^#10x}| {-42:=#10x}|")
print(f"{3.0:.0f} {True:d} {False:x} {True:b}")
print(f"{12345:e} {12345:.2f} {12345:%} {12345:g} {12345:.2g}")
print(format(255, "x"), format(255, "#X"), format(-8, "b"), format(8, "o"), format(10, ""))
print(f"{2 ** 100:x}", f"{-(2 ** 64):#b}"[:12], f"{10 ** 20:o}")
nums = [7, 15, 200, 4095]
for n in nums:
    print(f"{n:>5d} | {n:>4x} | {n:>12b} | {n:>5o} | {n:#06x}")
