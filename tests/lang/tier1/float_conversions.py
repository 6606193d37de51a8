# float() parsing and float -> int/str conversions, is_integer, as_integer_ratio.
print(float("3.5"), float("  -2.25  "), float("1e3"), float("1E-3"), float("+.5"), float("5."))
print(float("1_000.5"), float("0010.0100"), float("-0"), float(" \t7\n"))
print(float(3), float(-3), float(True), float(2 ** 60), float(10 ** 20))
print(int(3.7), int(-3.7), int(1e20), int(-0.9), int(2.0 ** 70))
print(str(1.0), str(0.1), str(-2.5e-8), str(1e21), str(123456.789))
for v in [1.0, 1.5, -2.0, 0.0, 1e20, 0.1]:
    print(v, v.is_integer(), v.as_integer_ratio())
for text in ["abc", "", "1.2.3", "1e", "--1", "0x10", "1,5"]:
    try:
        float(text)
        print("parsed", repr(text))
    except ValueError as e:
        print("ValueError:", e)
print(float("12345678901234567890"), float("0.1e-5"), float("1e-400"), float("1e400"))
print(int(float("42.999999")), round(float("42.999999")))
print(float(int("12")), int(float("12.0")), float("1.0") == 1)
print(float("3.141592653589793238462643383279"), float("2.5e-3") * 1000)
