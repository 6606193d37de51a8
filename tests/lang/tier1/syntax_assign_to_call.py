# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
def value():
    return 3

result = value()
print(result)
value() = 4
print("never printed")
print(value())
