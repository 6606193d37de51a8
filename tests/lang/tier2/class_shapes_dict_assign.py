# copy and __dict__ assignment: a copy has the same attributes in the same order; assigning
# __dict__ makes the instance use that very dict; deleting it leaves no attribute.
import copy


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a", "b")


s = Slotted()

# copy uses __dict__: the copy has the same attributes in the same order, independently.
src = Point([1, 2], "y")
src.later = 3
shallow = copy.copy(src)
deep = copy.deepcopy(src)
shallow.y = "changed"
src.x.append(3)
print(vars(src), vars(shallow), vars(deep))
print(shallow.x is src.x, deep.x is src.x)

# Assigning and deleting __dict__ itself.
r = Point(1, 2)
replacement = {"y": 20, "w": 30}
r.__dict__ = replacement
print(r.__dict__ is replacement, r.y, r.w, hasattr(r, "x"))
r.v = 40
print(replacement)
try:
    r.__dict__ = [("x", 1)]
except TypeError as e:
    print("TypeError:", e)
del r.__dict__
print(vars(r), hasattr(r, "y"))
r.x = 5
print(vars(r))
try:
    s.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
