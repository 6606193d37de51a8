# Uncaught ValueError unpacking too few values.
# expect: ValueError: not enough values to unpack (expected 3, got 2)
points = [(1, 2, 3), (4, 5, 6), (7, 8)]
first, second = points[2]
print("two values fit two names:", first, second)
print("three names need three values")
for p in points:
    x, y, z = p
    print("x", x, "y", y, "z", z, "sum", x + y + z)
print("never printed")
