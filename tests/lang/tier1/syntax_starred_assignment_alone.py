# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: starred assignment target must be in a list or tuple
first, *rest = [1, 2, 3]
print(first, rest)
*everything, = [4, 5]
print(everything)
*alone = [6, 7]
print(alone)
print("never printed")
def unused_helper(value):
    return value * 2
