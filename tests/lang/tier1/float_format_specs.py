# format() of floats with f, e, g, %, width, precision, sign and grouping.
x = 1234.5678
for spec in ["", "f", ".0f", ".1f", ".2f", ".10f", "e", ".2e", "E", "g", ".3g", ".10g",
             "G", "%", ".1%", "10.2f", "<12.1f", "^12.1f", ">12.1f", "+.2f", " .2f", "=+12.2f",
             ",", ",.2f", "_.3f", "012.2f", "*^15.3e", "-^9.1f"]:
    print(repr(spec), repr(format(x, spec)))
print(format(-x, ".2f"), format(-x, "+.2f"), format(-x, " .2f"), format(-x, "010.1f"))
print(format(0.000012345, "g"), format(0.00012345, "g"), format(123456789.0, "g"))
print(format(1e16, "g"), format(1e16, ""), format(1e15, "g"), format(100000.0, "g"), format(1000000.0, "g"))
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))
print(format(-0.0, ".1f"), format(-0.0001, ".2f"), format(float("inf"), ".2f"), format(float("nan"), "10.3f"))
print(format(1e100, ".3e"), format(1.0, "e"), format(123.0, ".0e"), format(9.9999, ".2e"))
print(format(0.1, ".20f"), format(2 / 3, ".15g"), format(2 / 3, ".17g"))
print(format(12.0, "g"), format(12.5, ".1g"), format(0.0, "g"), format(-0.0, "g"))
print(format(1234567.891, ",.2f"), format(-1234567.891, "_.1f"), format(1e6, ",.0f"))
print(format(0.25, "%"), format(0.255, ".1%"), format(-1.5, ".0%"))
print(format(3.0, ".2"), format(3.14159, ".3"), format(1e20, ".3"), format(123.456, ".2"))
print(format(42.0, "#.0f"), format(42.0, "#g"), format(0.0001, "#.2g"))
