# Instance attributes and __dict__ together: insertion order through sets, deletes and re-adds,
# writes through vars() seen by attribute access and back, many attributes, dynamic names,
# descriptors against instance attributes, and __getattr__/__setattr__/__delattr__ overrides.
import copy


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


a = Point(1, 2)
b = Point(3, 4)
b.z = 5
c = Point(6, 7)
c.y = 70                  # rewriting keeps the order
print(vars(a), vars(b), vars(c))
del b.x                   # delete from the middle, then add back: goes to the end
print(vars(b))
b.x = 30
print(vars(b), b.x, b.y, b.z)
d = Point(8, 9)
d.__dict__["w"] = 10      # a write through the dict is an attribute
d.__dict__["x"] = 80
print(d.w, d.x, vars(d))
d.v = 11                  # and an attribute write shows in the same dict object
dd = d.__dict__
d.u = 12
print(dd is d.__dict__, list(dd))
print(hasattr(d, "w"), hasattr(d, "nope"), getattr(d, "nope", "default"))
setattr(d, "dyn" + "amic", 1)
print(getattr(d, "dyn" + "amic"), "dynamic" in vars(d), d.dynamic)
delattr(d, "w")
print(hasattr(d, "w"), list(vars(d)))
try:
    del d.w
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(a.missing)
except AttributeError as e:
    print("AttributeError:", e)

# Many attributes: order kept past any small-layout limit.
class Bag:
    pass


bag = Bag()
for i in range(45):
    setattr(bag, "f%d" % (44 - i), i)
print(list(vars(bag))[:5], list(vars(bag))[-3:], len(vars(bag)), bag.f0, bag.f44)
del bag.f20
bag.f20 = "back"
print(list(vars(bag))[-2:], bag.f20)

# Same class, many different orders: each instance shows its own order.
rows = []
for n in range(6):
    o = Bag()
    names = ["a", "b", "c", "d"][n % 4:] + ["a", "b", "c", "d"][:n % 4]
    for name in names:
        setattr(o, name, n)
    rows.append(list(vars(o)))
print(rows)

# Data descriptors win over the instance dict, non-data descriptors lose to it.
class Desc:
    def __get__(self, obj, owner):
        return "data-descriptor"

    def __set__(self, obj, value):
        obj.__dict__["seen"] = value


class NonData:
    def __get__(self, obj, owner):
        return "non-data"


class Holder:
    d = Desc()
    n = NonData()

    def method(self):
        return "method"


h = Holder()
h.d = 5
h.__dict__["d"] = "shadow?"
print(h.d, h.seen, h.n)
h.n = "instance wins"
h.method = lambda: "instance callable"
print(h.n, h.method(), sorted(vars(h)))
del h.method
print(h.method())

# __getattr__ runs only when normal lookup fails; __setattr__/__delattr__ overrides.
class Proxy:
    def __init__(self):
        object.__setattr__(self, "log", [])
        self.real = 1

    def __getattr__(self, name):
        return "fallback:" + name

    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)


p = Proxy()
p.x = 4
print(p.real, p.x, p.other, p.log, vars(p))
del p.x
print(p.x, p.log)

# __slots__ next to __dict__ classes.
class Slotted:
    __slots__ = ("a", "b")


class SlottedWithDict:
    __slots__ = ("a", "__dict__")


s = Slotted()
s.a = 1
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(s, "__dict__"), s.a, hasattr(s, "b"))
sd = SlottedWithDict()
sd.a = 1
sd.extra = 2
print(sd.a, sd.extra, vars(sd))

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
