# @property getter and setter with validation, computed read-only properties.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius          # goes through the setter

    @property
    def celsius(self):
        print("get celsius")
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        print("set celsius", value)
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
print(t.celsius)
print(vars(t))
print(type(Temperature.__dict__["celsius"]).__name__)
class Circle:
    def __init__(self, r):
        self.r = r
    area = property(lambda self: 3 * self.r * self.r)
c = Circle(2)
print(c.area)
c.r = 5
print(c.area)
