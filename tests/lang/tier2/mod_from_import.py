# from module import names: copies the binding, not the variable.
from _helper import greet, counter, bump, Shape
from _helper import GREETING as G

print(greet("from-import"), G)
print(counter)
print(bump(), bump())
print(counter)              # still the value bound at import time
import _helper
print(_helper.counter)      # the module's own variable moved on
print(greet is _helper.greet, Shape is _helper.Shape)
from _helper import counter
print(counter)
from math import sqrt, pi, floor as round_down
print(sqrt(49), round(pi, 5), round_down(-2.5))
from collections import deque, defaultdict
print(deque([1, 2]), defaultdict(int)["x"])
