# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: duplicate argument 'a' in function definition
def ok(a, b):
    return a + b

print(ok(1, 2))

def bad(a, b, a):
    return a

print("never printed")
