# math.log (natural and with base), log2, log10, exp; exact cases printed in full.
import math
print(math.log(1), math.log(math.e), math.exp(0), math.exp(1) == math.e)
print(math.log2(1), math.log2(2), math.log2(1024), math.log2(2 ** 100), math.log2(0.5))
print(math.log10(1), math.log10(10), math.log10(1000), math.log10(1e-5), math.log10(10 ** 50))
print(math.log(8, 2), math.log(100, 10), math.log(81, 3), math.log(2 ** 1000, 2))
for x in [0.5, 2, 10, 12345.678, 1e-300, 10 ** 400]:
    print(x if x < 10 ** 300 else "10**400", round(math.log(x), 9), round(math.log10(x), 9), round(math.log2(x), 9))
for x in [-1, 0.5, 1, 2.5, 10, -700]:
    print(x, round(math.exp(x), 9), math.exp(x) > 0)
print(round(math.exp(math.log(42)), 9), round(math.log(math.exp(3.5)), 12))
print(math.exp(-1000), math.exp(709) < math.inf, math.log(math.inf), math.exp(-math.inf), math.exp(math.inf))
print(round(math.log(2), 15), round(math.log10(2), 15), round(math.e ** 2, 12))
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(-1)
except ValueError as e:
    print("ValueError:", e)
