# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: IndentationError: expected an indented block after 'for' statement on line 6
print("start")
numbers = [1, 2, 3]
total = 0
for n in numbers:
total += n
print(total)
print("never printed")
def unused_helper(value):
    return value * 2
