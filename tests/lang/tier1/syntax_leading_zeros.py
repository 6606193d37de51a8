# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
mode = 0o755
print(oct(mode))
zero = 000
print(zero)
legacy = 0755
print(legacy)
print("never printed")
def unused_helper(value):
    return value * 2
