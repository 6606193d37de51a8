# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
x = 10
print("checking x")
if x == 10:
    print("equal")
if x = 10:
    print("assignment is not a condition")
print("never printed")
y = 0
