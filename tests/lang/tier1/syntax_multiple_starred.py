# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: multiple starred expressions in assignment
a, *b = [1, 2, 3]
print(a, b)
*c, d = [4, 5, 6]
print(c, d)
e, *f, *g = [7, 8, 9]
print("never printed")
x = 1
def unused_helper(value):
    return value * 2
