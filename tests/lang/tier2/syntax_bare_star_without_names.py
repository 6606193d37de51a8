# A bare * in a parameter list must be followed by keyword-only parameters.
# expect: SyntaxError: named arguments must follow bare *
def ok(a, *, b):
    return a + b

def broken(a, *):
    return a

print(ok(1, b=2))
print(broken(1))
