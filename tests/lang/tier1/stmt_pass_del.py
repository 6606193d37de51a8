# pass as a placeholder and del on names, items, slices and dict keys.
def todo():
    pass
for _ in range(2):
    pass
if True:
    pass
print(todo())
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a, b, c = 1, 2, 3
del a, b
print(c)
d = {"k": 1, "j": 2, "m": 3}
del d["k"]
print(d)
lst = [0, 1, 2, 3, 4, 5]
del lst[1], lst[1]
print(lst)
del lst[::2]
print(lst)
nested = {"a": {"b": {"c": 1, "d": 2}}}
del nested["a"]["b"]["c"]
print(nested)
y = 5
def f():
    global y
    del y
f()
try:
    y
except NameError as e:
    print("NameError:", e)
