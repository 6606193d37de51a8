# Uncaught TypeError for too many positional arguments.
# expect: TypeError: f() takes 2 positional arguments but 3 were given
def f(a, b):
    return a + b
print(f(1, 1), f(1, 2), f(a=3, b=0), f(4, b=5))
values = (1, 2, 3)
print("calling with", values)
print(f(*values[:2]))
print("too many values now")
print(f(*values))
