# No __add__/__radd__ pair accepts the operands.
# expect: TypeError: unsupported operand type(s) for +: 'Vector' and 'int'
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)
v = Vector(1, 2) + Vector(3, 4)
print(v.x, v.y)
print(Vector(0, 0) + 5)
