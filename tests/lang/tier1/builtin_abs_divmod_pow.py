# abs, divmod and pow across ints, floats and bools.
print(abs(-5), abs(5), abs(-0), abs(-2.5), abs(-0.0), abs(True), abs(-(2 ** 100)), abs(float("-inf")))
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (5.5, 2), (-5.5, 2), (7, 0.5), (2 ** 65, 7)]:
    q, r = divmod(a, b)
    print(a, b, (q, r), q * b + r == a)
print(pow(2, 8), pow(2, -2), pow(2.5, 2), pow(9, 0.5), pow(0, 0))
print(pow(5, 117, 19), pow(-5, 3, 7), pow(5, -1, 7), pow(2, 0, 1), pow(True, 5), pow(10, 20))
print(pow(base=3, exp=4), pow(3, 4, mod=5), divmod(True, 2), type(divmod(5.0, 2)[0]).__name__)
print(abs(-7) == abs(7), abs(-1e-300), abs(-2 ** 63), divmod(-(2 ** 64), 3))
amount = 12345
hours, rest = divmod(amount, 3600)
minutes, seconds = divmod(rest, 60)
print(f"{hours}h {minutes}m {seconds}s", pow(2, 0.5) ** 2, pow(-2, 2), pow(-2, 3))
