# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: non-default argument follows default argument
def good(a, b=1):
    return a + b

def bad(a=1, b):
    return a + b

print(good(1))
print("never printed")
print(bad(1, 2))
