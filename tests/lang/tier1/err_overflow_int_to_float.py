# Uncaught OverflowError converting a huge int to float.
# expect: OverflowError: int too large to convert to float
for p in [10, 100, 1000, 1023]:
    print(p, float(2 ** p))
big = 2 ** 1024
print(big.bit_length(), big > 10 ** 308)
print(float(2 ** 1023), float(-(2 ** 1023)))
print(2.0 ** 1023 * 1.5, 2 ** 1023 * 1.5 > 1e308)
print(float(10 ** 308))
print(float(big))
