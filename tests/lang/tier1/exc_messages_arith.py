# Exact messages of arithmetic errors, caught and printed.
cases = [
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0),
    lambda: 1.0 / 0, lambda: 1.0 // 0, lambda: 1.0 % 0, lambda: divmod(1.0, 0.0),
    lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: 10.0 ** 400, lambda: 2 ** 2000 * 1.0,
    lambda: float(10 ** 400), lambda: 10 ** 400 / 3, lambda: 1 << -1, lambda: 1 >> -2,
    lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: int(float("inf")), lambda: int(float("nan")),
    lambda: round(float("inf")), lambda: pow(0, -1, 5), lambda: (2 ** 10000) ** 0.5,
]
for i, case in enumerate(cases):
    try:
        print(i, "no error:", case())
    except (ArithmeticError, ValueError, TypeError) as e:
        print(i, type(e).__name__ + ":", e)
print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(OverflowError, ArithmeticError))
