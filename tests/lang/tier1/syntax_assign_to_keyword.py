# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: cannot assign to True
flag = False
print(flag)
if not flag:
    flag = True
print(flag)
True = 0
print("never printed")
x = 1
