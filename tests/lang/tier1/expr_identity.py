# is / is not: identity of singletons, aliases and fresh objects.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, b is not a)
x = None
print(x is None, x is not None, None is None, type(None) is type(x))
print(True is True, False is False, (1 == 1) is True, bool(0) is False)
def f():
    pass
print(f() is None, f is f, len is len, print is not len)
t = ()
print(type(t) is tuple, type(a) is list, type(a) is not dict, type(1) is int, type(True) is not int)
d = {"k": a}
print(d["k"] is a, list(d.values())[0] is b, d.get("zz") is None)
e = a[:]
print(e == a, e is a, e[0] is a[0])
s = "abc"
print(s is s, s[:] is s or s[:] == s)
items = [None, 0, False, "", []]
print([i is None for i in items], [i is False for i in items])
