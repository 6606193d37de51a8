# Calling a class with too few arguments reports the qualified __init__ name.
# expect: TypeError: Point.__init__() missing 1 required positional argument: 'y'
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y)
q = Point(y=5, x=6)
print(q.x, q.y)
Point(1)
