# Uncaught NameError for an undefined variable inside a function.
# expect: NameError: name 'x' is not defined
def report(values):
    total = sum(values)
    print("total", total)
    print("count", len(values))
    return total / x
print("start")
print("undefined names fail only when executed")
report([1, 2, 3])
