# Uncaught AssertionError without a message: the last line is just the type.
# expect: AssertionError
values = [1, 2, 3]
assert len(values) == 3
assert sum(values) == 6
print("two asserts passed")
checks = 0
for v in [1, 2, 3]:
    assert v > 0
    checks += 1
print("loop asserts passed:", checks)
assert values == sorted(values, reverse=True)
print("never printed")
