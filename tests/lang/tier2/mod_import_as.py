# import x as y, from x import y as z, for file modules, packages and builtin modules.
import _helper as h
import math as m
import _pkg.sub as s
from _pkg import sub as sub_alias
from collections import OrderedDict as OD

print(h.greet("alias"), h.__name__)
print(m.sqrt(81), m.floor(3.7), m.__name__)
print(s.f(21), s.__name__, s is sub_alias)
d = OD(a=1)
print(type(d).__name__, list(d.items()))
print("h" in dir(), "_helper" in dir(), "m" in dir(), "math" in dir())
import _helper
print(_helper is h)
import sys as system, time as t
print(system.__name__, t.__name__, system.modules["_helper"] is h)
print(type(m).__name__, type(s).__name__)
print(s.shout("quiet"))
