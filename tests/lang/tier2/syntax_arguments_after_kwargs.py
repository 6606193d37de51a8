# Nothing may follow **kwargs in a parameter list.
# expect: SyntaxError: arguments cannot follow var-keyword argument
def configure(name, **options):
    return name, options

def bad(name, **options, verbose):
    return name

print(configure("x", a=1))
print(bad("y", verbose=True))
