# math for floats: rounding family, fmod/remainder, frexp/ldexp, copysign, modf.
import math

for x in [2.5, -2.5, 3.7, -3.7, 0.0, -0.0, 1e20]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), math.modf(x))
print(math.fmod(7.5, 2), math.fmod(-7.5, 2), -7.5 % 2)
print(math.remainder(7, 2), math.remainder(5, 2), math.remainder(-7.5, 2))
print(math.frexp(8.0), math.frexp(0.1), math.frexp(-3.0), math.frexp(0.0))
print(math.ldexp(0.5, 4), math.ldexp(0.8, -2), math.ldexp(*math.frexp(123.456)))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(0.0, -1))
print(math.fabs(-4), math.fabs(2.5), type(math.floor(2.5)).__name__)
print(math.sqrt(2), math.sqrt(1e100), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
print(math.hypot(3, 4), math.hypot(1, 1, 1), math.dist((0, 0), (6, 8)))
print(math.isqrt(99), math.pow(2, 10), math.pow(2, -1), math.pow(4, 0.5))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.nextafter(0.0, -1.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1.5, 2, 4]))
print(math.exp(0), math.log(1), math.log10(1000), math.log2(1024), math.log(8, 2))
print(round(math.exp(1), 12), round(math.log(10), 12), round(math.log1p(1e-10), 20))
print(round(math.expm1(1e-5), 15), math.log(math.e))
