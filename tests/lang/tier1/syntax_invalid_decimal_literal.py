# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: invalid decimal literal
width = 10
height = 20
print(width * height)
area = 3rd_value
print(area)
print("never printed")
depth = 5
def unused_helper(value):
    return value * 2
