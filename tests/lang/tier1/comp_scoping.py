# Comprehension variables live in their own scope: they do not leak and do not clobber.
x = "outer x"
squares = [x * x for x in range(4)]
print(squares, x)
i = 100
gen_total = sum(i for i in range(5))
print(gen_total, i)
k = "k"
d = {k: k * 2 for k in range(3)}
s = {k for k in range(3)}
print(d, s, k)
def f():
    y = 10
    return [y + n for n in range(3)]
print(f())
def g():
    factor = 3
    return [[factor * a * b for b in range(2)] for a in range(3)]
print(g())
n = 2
print([n * m for m in range(3)], [[n for n in range(2)] for _ in range(2)], n)
values = [1, 2, 3]
print([v for v in values if v != len(values)])
z = [0, 1]
z = [z for z in z + [2]]
print(z)
try:
    print(m)
except NameError as e:
    print("NameError:", e)
