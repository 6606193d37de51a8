# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: no binding for nonlocal 'total' found
total = 0
def outer():
    count = 0
    def inner():
        nonlocal total
        total += 1
    inner()
    return count
print(outer())
print("never printed")
