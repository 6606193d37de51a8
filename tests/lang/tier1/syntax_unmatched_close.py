# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: unmatched ')'
print("start")
items = [1, 2, 3]
count = len(items))
print(count)
for i in items:
    print(i)
print("never printed")
def unused_helper(value):
    return value * 2
