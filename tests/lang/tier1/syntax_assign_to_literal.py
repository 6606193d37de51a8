# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
x = 5
print("x is", x)
if x > 3:
    print("big")
1 = x
print("never printed")
y = x * 2
print(y)
