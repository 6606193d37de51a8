# Starred unpacking collects the rest into a list (possibly empty).
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
x, *empty, y = (1, 2)
print(x, empty, y)
*everything, = (7, 8, 9)
print(everything, type(everything).__name__)
head, *tail = "h"
print(head, tail)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
for first, *others in [(1, 2, 3), (4,), ("a", "b")]:
    print(first, others)
combined = [*range(3), *"ab", *[None]]
print(combined)
t = (*[1, 2], 3)
print(t, [*{"k": 1, "j": 2}], {*[1, 1, 2]})
merged = {**{"a": 1}, "b": 2}
print(merged)
def f(*args):
    return args
print(f(*[1, 2], *(3,), 4))
nums = [5, 3, 8]
lowest, *_ = sorted(nums)
*_, highest = sorted(nums)
print(lowest, highest)
