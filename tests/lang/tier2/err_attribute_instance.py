# A missing instance attribute, with 3.11's "Did you mean" suggestion.
# expect: AttributeError: 'Rectangle' object has no attribute 'widht'. Did you mean: 'width'?
class Rectangle:
    def __init__(self, width, height):
        self.width = width
        self.height = height
    def area(self):
        return self.width * self.height
r = Rectangle(3, 4)
print(r.area())
print(r.widht)
