# import of a .py module beside the main script; module attributes and state.
import _helper

print(_helper.greet("world"))
print(_helper.GREETING, _helper.counter)
print(_helper.bump(), _helper.bump(), _helper.counter)
print(_helper.Shape(3), type(_helper.Shape(4)).__name__)
print(_helper.__name__, type(_helper).__name__, _helper.__doc__)
_helper.GREETING = "bye"
print(_helper.greet("module"))
print(hasattr(_helper, "greet"), hasattr(_helper, "nothing"), getattr(_helper, "_private")[:10])
print(callable(_helper.greet), _helper.Shape.__module__)
shape = _helper.Shape(5)
print(isinstance(shape, _helper.Shape), shape.sides)
print(__name__)
