# Uncaught OverflowError from math.exp.
# expect: OverflowError: math range error
import math
for x in [1, 10, 100, 700]:
    print(x, math.exp(x) > 0)
print(math.exp(-1000))
print(math.exp(709) < math.inf, round(math.exp(2), 6))
print(math.exp(-745) > 0, math.exp(-746) == 0)
print("exp(1000) is too large for a double")
print(math.exp(1000))
