# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: '(' was never closed
values = [1, 2, 3]
print("start")
total = sum(values
print("total", total)
for v in values:
    print(v)
print("never printed")
def unused_helper(value):
    return value * 2
