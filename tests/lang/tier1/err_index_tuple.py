# Uncaught tuple index out of range.
# expect: IndexError: tuple index out of range
point = (3, 4)
print("x =", point[0], "y =", point[1])
print("length", len(point))
print("slicing past the end is fine:", (3, 4)[1:5], (3, 4)[5:])
print("unpacking:", *(3, 4))
for axis in range(3):
    print("axis", axis, "value", point[axis])
print("never printed")
