# Late binding: closures created in a loop all see the loop variable's final value.
funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = [lambda: i for i in range(4)]
print([f() for f in funcs])
fixed = [lambda i=i: i for i in range(4)]
print([f() for f in fixed])
def make(i):
    return lambda: i * 10
factories = [make(i) for i in range(4)]
print([f() for f in factories])
adders = {}
for name, amount in [("one", 1), ("two", 2)]:
    def add(x):
        return x + amount
    adders[name] = add
print(adders["one"](10), adders["two"](10))
def build():
    handlers = []
    for k in range(3):
        def handler():
            return k
        handlers.append(handler)
    k = 100
    return handlers
print([h() for h in build()])
x = 1
get_x = lambda: x
x = 2
print(get_x())
