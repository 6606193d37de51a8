# collections.namedtuple: fields, indexing, unpacking, _replace, _asdict, _fields, repr.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p[1], len(p), tuple(p))
x, y = p
print(x + y, p == (3, 4), p < Point(3, 5))
print(p._replace(x=10), p)
print(p._asdict(), Point._fields)
Color = namedtuple("Color", "red green blue")
print(Color(255, 128, 0), Color._make([1, 2, 3]))
Person = namedtuple("Person", "name age city", defaults=["unknown"])
print(Person("ann", 30), Person("bob", 25, "rome"))
print(Person._field_defaults)
people = [Person("cid", 40), Person("ann", 30), Person("bob", 35)]
print(sorted(people, key=lambda q: q.age)[0].name, max(people).name)
print({p: "origin" if p == Point(0, 0) else "other" for p in [Point(0, 0), Point(1, 1)]})
print(isinstance(p, tuple), type(p).__name__, Point.__name__)
print(Point(y=1, x=2), p.count(3), p.index(4))
print(repr(Point(x=-1.5, y="s")))
