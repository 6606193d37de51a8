# Reflected operators (__radd__, __rsub__, __rmul__...) and sum() relying on __radd__.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __add__(self, other):
        print("__add__", self, other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        print("__radd__", self, other)
        return self.__add__(other)

    def __rsub__(self, other):
        return Money(other - self.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    __rmul__ = __mul__

    def __rtruediv__(self, other):
        return other / self.cents

    def __rpow__(self, base):
        return base ** (self.cents % 5)


m = Money(250)
print(m + 5)
print(5 + m)
print(m + Money(1))
print(sum([Money(1), Money(2), Money(3)]))
print(1000 - m)
print(3 * m, m * 3)
print(500 / m)
print(2 ** Money(7))
class Left:
    def __add__(self, other):
        return "Left.__add__"
class Right:
    def __radd__(self, other):
        return "Right.__radd__"
print(Left() + Right(), 1 + Right(), [] + Right())
class SubRight(Left):
    def __radd__(self, other):
        return "SubRight.__radd__ wins"
print(Left() + SubRight())
