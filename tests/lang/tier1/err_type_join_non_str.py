# Uncaught TypeError joining a non-string.
# expect: TypeError: sequence item 1: expected str instance, int found
parts = ["a", "b", "c"]
print("-".join(parts), "".join(reversed(parts)))
nums = [1, 2, 3]
print(",".join(str(n) for n in nums))
mixed = ["x", 2, "y"]
print("|".join("abc"), "".join([]))
print(repr(" ".join(["solo"])))
print(", ".join(mixed))
