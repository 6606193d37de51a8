# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?
a = 1
b = 2
print(a, b)
a + b = 3
print("never printed")
c = a * b
print(c)
d = c + 1
