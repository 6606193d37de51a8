# bool is a subclass of int: arithmetic, bitwise ops and sums.
print(True + True, True - False, True * 10, False * 10, True / 2, True // 2)
print(-True, +True, ~True, ~False, abs(-True), True ** 10)
print(True & True, True & False, True | False, False ^ True, True ^ True)
print(type(True & False), type(True + False), type(True | 2), type(-True))
print(sum([True, True, False, True]), sum(x > 2 for x in [1, 2, 3, 4, 5]))
print(True == 1, False == 0, True is not False, isinstance(False, int))
print(int(True), float(False), str(True), repr(False))
print(True > False, max(True, False), min([True, 2, -1]), sorted([True, False, 0, 1, 2]))
print(divmod(True, True), 10 % True, True << 5, 1024 >> True)
print(["no", "yes"][True], ["no", "yes"][False], "ab"[True])
flags = [n % 3 == 0 for n in range(10)]
print(flags, flags.count(True), sum(flags))
print(True + 0.5, False - 1.5, True * "ab", False * [1, 2])
x = True
x += 1
print(x, type(x))
y = False
y |= True
print(y, type(y))
print(hash(True), hash(False), True.bit_length())
