# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: IndentationError: unexpected indent
def greet(name):
    message = "hello " + name
    return message

print(greet("ann"))
    print(greet("bob"))
print("never printed")
x = 1
y = 2
