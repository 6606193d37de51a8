# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: invalid syntax
square = lambda x: x * x
print(square(3))
values = [1, 2, 3]
print(list(map(square, values)))
bad = lambda x: return x
print(bad(1))
print("never printed")
def unused_helper(value):
    return value * 2
