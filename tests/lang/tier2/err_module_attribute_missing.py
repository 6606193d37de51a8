# Accessing a name a file module does not define.
# expect: AttributeError: module '_helper' has no attribute 'farewell'
import _helper
print(_helper.greet("x"))
print(hasattr(_helper, "farewell"))
print(getattr(_helper, "farewell", "no farewell"))
names = [n for n in ("greet", "bump", "farewell") if hasattr(_helper, n)]
print(names)
print(type(_helper).__name__)
_helper.farewell("x")
