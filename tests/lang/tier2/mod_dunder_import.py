# The builtin __import__ returns the module object (the top package for dotted names).
math_module = __import__("math")
print(math_module.sqrt(64), math_module.__name__)
helper = __import__("_helper")
print(helper.greet("dunder"))
import _helper
print(helper is _helper)
top = __import__("_pkg.sub")
print(top.__name__, top.sub.f(4))
import sys
print(sys.modules["_pkg.sub"] is top.sub)
names = ["math", "collections", "_noisy"]
modules = [__import__(n) for n in names]
print([mod.__name__ for mod in modules])
again = __import__("_noisy")
print(again is modules[2], again.loads)
