# Uncaught TypeError concatenating list and tuple.
# expect: TypeError: can only concatenate list (not "tuple") to list
a = [1, 2]
b = (3, 4)
print(a + list(b), tuple(a) + b)
a += b
print("in-place += accepts any iterable:", a)
print([0] + a, a + list(b))
c = a + b
print("never printed", c)
