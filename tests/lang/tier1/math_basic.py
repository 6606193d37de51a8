# math: sqrt floor ceil trunc fabs copysign and the constants pi, e, inf, nan.
import math
print(math.pi, math.e, math.inf, -math.inf, math.nan, math.tau)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(1e100), math.sqrt(0), math.sqrt(-0.0))
for v in [2.5, -2.5, 3.0, -0.5, 0.0, 1e20, -7.999, 2 ** 60 + 0.5, 5]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
print(math.floor(-0.0), math.ceil(-0.5), math.trunc(-0.9), math.floor(10 ** 30), math.ceil(True))
print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0), math.fabs(-math.inf), type(math.fabs(-3)).__name__)
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(0.0, -1), math.copysign(math.inf, -2))
print(math.sqrt(2) ** 2, math.sqrt(2) * math.sqrt(2) == 2, round(math.sqrt(2) ** 2, 10) == 2)
print(math.floor(math.pi * 100) / 100, math.ceil(math.e * 1000) / 1000)
r = 2.5
print("area", math.pi * r ** 2, "circumference", 2 * math.pi * r)
print(int(math.sqrt(17)), math.sqrt(17) // 1, math.sqrt(144) == 12)
