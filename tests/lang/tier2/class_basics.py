# Classes: __init__, instance attributes, methods, method calls through the class.
class Point:
    """A 2-D point."""

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def distance2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2

    def describe(self):
        return "Point(%d, %d)" % (self.x, self.y)


p = Point(1, 2)
q = p.moved(3, 4)
print(p.x, p.y, q.x, q.y)
print(p.describe(), q.describe())
print(p.distance2(q), q.distance2(p))
print(Point.describe(q))
print(Point.__name__, Point.__doc__)
print(type(p) is Point, isinstance(q, Point))
p.x = 10
p.label = "origin-ish"
print(p.describe(), p.label)
print(hasattr(q, "label"), hasattr(p, "label"))
method = q.moved
print(method(1, 1).describe())
points = [Point(i, i * i) for i in range(5)]
print([pt.describe() for pt in points])
print(sum(pt.y for pt in points))
class Empty:
    pass
e = Empty()
e.a = 1
e.b = [1, 2]
e.b.append(3)
print(e.a, e.b, type(e).__name__)
