# Chained assignment binds every target to the same object, left to right.
a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
p = q = r = "s"
q = "changed"
print(p, q, r)
lst = [0, 0, 0]
i = lst[i] = 1 if False else 2
print(i, lst)
d = {}
d["a"] = d["b"] = 0
print(d)
m = n = (1, 2)
m += (3,)
print(m, n)
first = second = third = len("abc")
print(first + second + third)
i = 0
lst2 = [10, 20, 30]
i = lst2[i] = 1
print(i, lst2)
k = v = None
print(k is v is None)
