# abc.ABC and @abstractmethod: concrete subclasses instantiate, abstract ones refuse.
from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__}: area={self.area()} perimeter={self.perimeter()}"

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)

class HalfDone(Shape):
    def area(self):
        return 0

print(Rect(2, 3).describe())
for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), Rect.__abstractmethods__)
print(isinstance(Rect(1, 1), Shape), issubclass(Rect, ABC))
class Base(ABC):
    @abstractmethod
    def run(self):
        return "base run"
class Impl(Base):
    def run(self):
        return "impl then " + super().run()
print(Impl().run())
class Plain(ABC):
    def ok(self):
        return "ABC without abstract methods is instantiable"
print(Plain().ok())
