# Uncaught AttributeError on a module.
# expect: AttributeError: module 'math' has no attribute 'cube'
import math
print(math.sqrt(9), math.floor(2.5), hasattr(math, "cube"))
def apply(name, value):
    fn = getattr(math, name)
    return fn(value)
print(apply("sqrt", 16), apply("ceil", 1.2))
print(math.pi > 3, hasattr(math, "sqrt"))
print(apply("cube", 3))
