# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
name = "stitch"
print("hello", name)
count = 3
for i in range(count):
    print(i)
print "python 2 style"
print("never printed")
def unused_helper(value):
    return value * 2
