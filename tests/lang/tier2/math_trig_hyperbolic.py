# math trig, hyperbolic and special functions, printed through round().
import math

for deg in [0, 30, 45, 60, 90, 180, 270]:
    r = math.radians(deg)
    print(deg, round(r, 12), round(math.sin(r), 12), round(math.cos(r), 12))
print(round(math.tan(math.pi / 4), 12), math.degrees(math.pi), math.degrees(math.pi / 6))
print(round(math.asin(0.5), 12), round(math.acos(0.5), 12), round(math.atan(1), 12))
print(round(math.atan2(1, -1), 12), round(math.atan2(-1, -1), 12), math.atan2(0, 0), math.atan2(0.0, -0.0))
for x in [0.0, 0.5, 1.0, -2.0]:
    print(x, round(math.sinh(x), 12), round(math.cosh(x), 12), round(math.tanh(x), 12))
print(round(math.asinh(1), 12), round(math.acosh(2), 12), round(math.atanh(0.5), 12))
print(round(math.erf(0.5), 12), round(math.erfc(0.5), 12), math.erf(0.0))
print(math.gamma(5), math.gamma(0.5) ** 2 - math.pi < 1e-12, round(math.lgamma(10), 10))
print(math.factorial(20), math.gamma(1), round(math.lgamma(0.5), 12))
print(math.tau == 2 * math.pi, round(math.e, 15), round(math.pi, 15))
