# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: invalid syntax
x = 3
if x > 2:
    print("big")
print("between")
else:
    print("small")
print("never printed")
y = 1
