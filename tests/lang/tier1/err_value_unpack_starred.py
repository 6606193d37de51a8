# Uncaught ValueError with starred unpacking and too few values.
# expect: ValueError: not enough values to unpack (expected at least 3, got 2)
for seq in [[1, 2, 3], [1, 2, 3, 4, 5], (9, 8, 7)]:
    first, second, *rest = seq
    print(first, second, rest)
head, mid, *others, tail = [1, 2, 3]
print("needs 3, got 3:", head, mid, others, tail)
print("starred unpacking needs the fixed names filled")
a, b, *c, d = "xy"
print("never printed")
