# __slots__ rejects attributes that are not declared.
# expect: AttributeError: 'Pixel' object has no attribute 'alpha'
class Pixel:
    __slots__ = ("x", "y", "color")
    def __init__(self, x, y, color):
        self.x, self.y, self.color = x, y, color
p = Pixel(1, 2, "red")
print(p.x, p.y, p.color)
p.color = "blue"
print(p.color)
p.alpha = 0.5
print("never printed")
