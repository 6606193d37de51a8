# math constants and predicates: inf, nan, isclose, isfinite, isinf, isnan.
import math

print(math.inf, -math.inf, math.nan, math.inf == float("inf"))
print(math.isinf(math.inf), math.isinf(1e308), math.isinf(1e308 * 10))
print(math.isnan(math.nan), math.isnan(math.inf - math.inf), math.isnan(0.0))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
print(math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=1e-2))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
print(math.floor(-0.5), math.ceil(-0.5), math.copysign(1, math.ceil(-0.5)))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 27))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm())
print(math.comb(10, 3), math.perm(5, 2), math.perm(5), math.comb(50, 25))
print(math.factorial(25), math.isqrt(10**20 + 1), math.prod(range(1, 11)))
print(max(1.0, math.inf), min(-math.inf, 0), sorted([3.5, math.inf, -math.inf, 0]))
print(math.fsum([1e100, 1.0, -1e100]), sum([1e100, 1.0, -1e100]))
print(float("inf") > 10**400, -math.inf < -10**400)
