# __neg__, __pos__, __abs__, __invert__, __int__, __float__, __index__, __round__.
class Num:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Num({self.v})"

    def __neg__(self):
        return Num(-self.v)

    def __pos__(self):
        return Num(+self.v)

    def __abs__(self):
        return Num(abs(self.v))

    def __invert__(self):
        return Num(~int(self.v))

    def __int__(self):
        return int(self.v)

    def __float__(self):
        return float(self.v)

    def __round__(self, digits=None):
        return round(self.v, digits)


n = Num(-7.75)
print(-n, +n, abs(n), ~Num(5))
print(int(n), float(Num(3)), round(n), round(n, 1))
class Idx:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i
letters = list("abcdef")
print(letters[Idx(2)], letters[Idx(-1)], letters[Idx(1):Idx(4)])
print(hex(Idx(255)), bin(Idx(5)), oct(Idx(8)), range(Idx(3))[-1])
print("xyz"[Idx(1)], (10, 20, 30)[Idx(0)], "ab" * Idx(3))
print(int(Idx(9)), Idx(4).__index__())
import math
print(math.floor(Num(2.5)), math.sqrt(Num(16)))
