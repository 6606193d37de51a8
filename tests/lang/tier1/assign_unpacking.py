# Tuple and list unpacking in assignments and for loops, including nesting and swaps.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
h, = [9]
print(h)
x, y, z = range(3)
print(x, y, z)
k1, k2 = {"one": 1, "two": 2}
print(k1, k2)
for i, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(i, name, score)
for (a1, a2), b1 in [((1, 2), 3), ((4, 5), 6)]:
    print(a1 + a2 + b1)
nums = [1, 2, 3]
nums[0], nums[2] = nums[2], nums[0]
print(nums)
i, nums[i] = 1, 99
print(i, nums)
p = [0, 1]
p[0], p[1] = p[1], p[0]
print(p)
fib_a, fib_b = 0, 1
for _ in range(10):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a, fib_b)
(m, n), [o, (q, r)] = [1, 2], (3, [4, 5])
print(m, n, o, q, r)
