# Uncaught TypeError for a missing positional argument.
# expect: TypeError: f() missing 1 required positional argument: 'b'
def f(a, b):
    return a * b
print(f(2, 3), f(b=4, a=5), f(*[6, 7]))
args = [8]
print("calling with", args)
print(f(1, 1), f(a=2, b=2))
print("partial application needs all arguments")
print(f(*args))
