# Instantiating an abstract class with one abstract method (3.11 wording).
# expect: TypeError: Can't instantiate abstract class Shape with abstract method area
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        pass
class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
print(Square(3).area())
Shape()
