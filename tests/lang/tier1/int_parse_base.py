# int() parsing: bases 2-36 and 0, prefixes, signs, whitespace, underscores.
print(int("42"), int("-42"), int("+42"), int("  42  "), int("\t-7\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("-0x1A", 16))
print(int("777", 8), int("0o777", 8), int("101", 2), int("0b101", 2))
print(int("z", 36), int("ZZ", 36), int("10", 36), int("hello", 36))
print(int("0x1f", 0), int("0o17", 0), int("0b11", 0), int("123", 0))
print(int("1_000_000"), int("0x_ff", 16), int("1_0", 2))
print(int("0"), int("-0"), int("000"), int("0010"))
print(int("9" * 30), int("1" + "0" * 25, 16))
print(int("12", 3), int("21", 3), int("-11", 5))
for base in (2, 8, 10, 16, 36):
    print(base, int("11", base), int("10", base))
print(int(3.99), int(-3.99), int(True), int(1e10))
print(int("  +0x10  ", 16), int("0B1111", 0))
for text in ["12a", "", "1.5", "0x", "1__0", " ", "1 2"]:
    try:
        int(text)
        print("parsed", repr(text))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
