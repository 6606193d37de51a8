# The format() builtin for ints, floats, strings, bools and None.
print(format(42), format(42, "d"), format(42, "5"), format(42, "<5") + "|", format(-42, "+"))
print(format(3.5), format(3.5, ".3f"), format(1e-8), format(1e-8, "f"), format(1 / 3, ".3"))
print(format("s"), format("s", ">3"), format("long", ".2"), format("", "*^4"))
print(format(True), format(True, ""), format(True, "d"), format(False, ">6"), format(True, ".2f"))
print(format(None), format(None, ""), format([1, 2]), format((1,)), format({"a": 1}))
print(format(2 ** 64, ","), format(2 ** 64, "x"), format(-(2 ** 64), "_o"))
print(format(0.1, ".17f"), format(0.1, ".17g"), format(1e300, ".3e"), format(1e-300, ".2g"))
print(format(123456789, "e"), format(123456789, ".3e"), format(100, "%"), format(7, "g"))
print(format(float("inf"), "+"), format(float("-inf"), ">8"), format(float("nan"), "^7"), format(float("inf"), "%"))
print(format(1.5, "=+8"), format(-1.5, "08"), format(-1.5, "=8"))
print(format(65, "c"), format(0x1F600, "c"), format(9, "02"), format(9.0, "02"))
for spec in ["", ">10", "^10", "<10", "*>10", ".3s"]:
    print(repr(format("stitch", spec)))
