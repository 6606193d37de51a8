# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: positional argument follows keyword argument
def f(a, b, c=0):
    return a + b + c

print(f(1, 2))
print(f(1, b=2))
print(f(a=1, 2))
print("never printed")
x = f(3, 4, 5)
