# Uncaught TypeError calling a str (a name shadowed by a value).
# expect: TypeError: 'str' object is not callable
def greet(name):
    return "hi " + name
print(greet("ann"))
handlers = [greet, len, str.upper]
for h in handlers:
    print(h("bob"))
greet = "shadowed"
print(greet("cy"))
