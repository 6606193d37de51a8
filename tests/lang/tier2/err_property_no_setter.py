# Assigning to a read-only property (3.11 wording).
# expect: AttributeError: property 'radius' of 'Circle' object has no setter
class Circle:
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        return self._r
c = Circle(2)
print(c.radius)
c._r = 3
print(c.radius)
c.radius = 5
