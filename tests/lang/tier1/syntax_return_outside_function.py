# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: 'return' outside function
def helper(x):
    return x * 2

print(helper(3))
value = helper(4)
if value > 5:
    return value
print("never printed")
