# Instance attributes and __dict__ together: insertion order through sets, deletes and re-adds,
# writes through vars() seen by attribute access and back, many attributes, dynamic names, and
# instances of one class built in many different orders.


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
