# Integer-valued math functions: gcd, factorial, floor/ceil/trunc on big values.
import math
print(math.gcd(12, 18), math.gcd(17, 5), math.gcd(0, 7), math.gcd(0, 0), math.gcd(-12, 18), math.gcd(12, -18))
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(48, 180, 30), math.gcd(), math.gcd(7))
print([math.factorial(n) for n in range(11)])
print(math.factorial(25), math.factorial(50) // math.factorial(48))
print(len(str(math.factorial(100))), str(math.factorial(100))[-30:])
print(math.floor(2.0 ** 80), math.ceil(-(2.0 ** 70)), math.trunc(1.999e20), math.trunc(-1e-300))
print(math.floor(-(10 ** 30)), math.ceil(10 ** 30 + 1), type(math.trunc(5)).__name__)
def lcm(a, b):
    return a // math.gcd(a, b) * b
print(lcm(4, 6), lcm(21, 6), [lcm(n, 10) for n in range(1, 8)])
fractions = [(6, 8), (100, 75), (17, 51), (0, 5)]
print([(a // math.gcd(a, b), b // math.gcd(a, b)) for a, b in fractions])
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
