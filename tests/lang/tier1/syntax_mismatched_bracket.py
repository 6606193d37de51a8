# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: closing parenthesis ']' does not match opening parenthesis '('
values = [1, 2, 3]
print(values)
pairs = [(1, 2), (3, 4)]
bad = (1, 2]
print(bad)
print("never printed")
total = 0
def unused_helper(value):
    return value * 2
