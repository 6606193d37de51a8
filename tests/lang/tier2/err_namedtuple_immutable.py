# namedtuple fields are read-only.
# expect: AttributeError: can't set attribute
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x)
p = p._replace(x=5)
print(p)
p.x = 10
print("never printed")
