# A decorator must be followed by def or class.
# expect: SyntaxError: invalid syntax
def trace(func):
    return func

@trace
def fine():
    return "fine"

@trace
value = 42
print(fine(), value)
