# Integer helpers: bit_length, abs, divmod, int() of various values, str round trips.
for n in [0, 1, 2, 3, 255, 256, -1, -256, 2 ** 64, -(2 ** 100)]:
    print(n, n.bit_length(), abs(n), str(n), repr(n))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(2 ** 80, 3), divmod(0, 7))
print(int(), int(0), int("7"), int(7.9), int(-7.9), int(True))
x = 12345
digits = []
while x:
    x, d = divmod(x, 10)
    digits.append(d)
print(digits[::-1])
print(sum(int(c) for c in str(2 ** 100)))
print(int(str(-987654321)) == -987654321)
print((255).bit_length(), (1).bit_length(), (0).bit_length())
print(10 .bit_length(), (-3).__abs__(), (7).__neg__())
print(int("12") + int("-3"), str(12) + str(-3))
