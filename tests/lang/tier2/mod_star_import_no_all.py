# from module import * without __all__: every public name, no _underscore names.
from _helper import *

print(greet("star"))
print(GREETING, counter)
print(Shape(6))
print("_private" in dir(), "greet" in dir(), "bump" in dir())
print(sorted(n for n in dir() if not n.startswith("__")))
import _helper
print(_helper._private[:10])
x = bump()
print(x, counter, _helper.counter)
for name in ["greet", "Shape", "bump"]:
    print(name, globals()[name] is getattr(_helper, name))
