# math.inf / math.nan and the predicates isnan, isinf, isfinite, isclose.
import math
values = [0.0, 1.5, -2.0, math.inf, -math.inf, math.nan, float("nan"), 1e308 * 10, 5e-324, -0.0]
for v in values:
    print(repr(v), math.isnan(v), math.isinf(v), math.isfinite(v))
print(math.isinf(10 ** 300), math.isfinite(2 ** 100), math.isnan(0))
print(math.inf == float("inf"), math.inf > 10 ** 400, -math.inf < -(10 ** 400), math.nan != math.nan)
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.0001), math.isclose(1.0, 1.0001, rel_tol=1e-3))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.isclose(math.nan, math.nan), math.isclose(-0.0, 0.0), math.isclose(100, 101, rel_tol=0.01))
print(math.isinf(1e308 + 1e308), math.isnan(math.inf - math.inf), math.isnan(math.inf * 0))
print(math.inf + 1 == math.inf, math.inf - 1e308, -math.inf * -1)
print(type(math.inf).__name__, str(math.nan), f"{math.inf:>6}|", math.copysign(1, math.nan) in (1.0, -1.0))
