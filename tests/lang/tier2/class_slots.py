# __slots__: only the declared attributes exist; no per-instance __dict__.
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


v = Vec(3, -4)
print(v.x, v.y, v.norm1())
v.x = 10
print(v.x, v.norm1())
print(hasattr(v, "__dict__"), Vec.__slots__)
try:
    v.z = 1
except AttributeError as e:
    print("AttributeError:", e)
del v.y
print(hasattr(v, "y"))
try:
    print(v.y)
except AttributeError as e:
    print("AttributeError:", e)
v.y = 7
print(v.y)
class Vec3(Vec):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
w = Vec3(1, 2, 3)
print(w.x, w.y, w.z, w.norm1())
class Loose(Vec):
    pass                  # no __slots__: instances get a __dict__ again
l = Loose(1, 1)
l.anything = "ok"
print(l.anything, vars(l))
