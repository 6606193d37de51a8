# Polymorphism: one interface, many classes; NotImplementedError in the base.
class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2


class Triangle(Shape):
    def __init__(self, base, height):
        self.base, self.height = base, height

    def area(self):
        return self.base * self.height / 2


class Blob(Shape):
    pass


shapes = [Rect(2, 3), Circle(1), Triangle(4, 5), Circle(0.5)]
for shape in shapes:
    print(shape.describe())
print(round(sum(s.area() for s in shapes), 4))
biggest = max(shapes, key=lambda s: s.area())
print(type(biggest).__name__)
print([type(s).__name__ for s in sorted(shapes, key=lambda s: s.area())])
try:
    Blob().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
