# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: invalid syntax. Perhaps you forgot a comma?
first = 1
second = 2
print(first, second)
values = [first second]
print(values)
print("never printed")
total = 0
def unused_helper(value):
    return value * 2
