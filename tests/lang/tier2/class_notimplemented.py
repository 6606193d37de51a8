# NotImplemented: Python tries the reflected method; == falls back to identity.
class Meters:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("Meters.__eq__", type(other).__name__)
        if isinstance(other, Meters):
            return self.v == other.v
        return NotImplemented

    def __lt__(self, other):
        print("Meters.__lt__", type(other).__name__)
        if isinstance(other, Meters):
            return self.v < other.v
        if isinstance(other, (int, float)):
            return self.v < other
        return NotImplemented

    def __gt__(self, other):
        print("Meters.__gt__", type(other).__name__)
        if isinstance(other, (int, float)):
            return self.v > other
        return NotImplemented


a, b = Meters(1), Meters(2)
print(a == Meters(1), a == b)
print(a == 1)          # both sides NotImplemented -> identity -> False
print(1 == a)
print(a != 1)
print(a < 5, 5 < a)    # int < Meters -> Meters.__gt__ reflected
print(5 > a)           # reflected __lt__
print(a < b)
print(b > a)           # Meters.__gt__ gives NotImplemented, then a.__lt__(b)
try:
    a < "x"
except TypeError as e:
    print("TypeError:", e)
print(NotImplemented.__class__.__name__, bool(a.__eq__("s") is NotImplemented))
