# Binary arithmetic dunders on a small vector class.
class V:
    def __init__(self, *parts):
        self.parts = tuple(parts)

    def __repr__(self):
        return "V" + repr(self.parts)

    def __add__(self, other):
        return V(*(a + b for a, b in zip(self.parts, other.parts)))

    def __sub__(self, other):
        return V(*(a - b for a, b in zip(self.parts, other.parts)))

    def __mul__(self, k):
        return V(*(a * k for a in self.parts))

    def __truediv__(self, k):
        return V(*(a / k for a in self.parts))

    def __floordiv__(self, k):
        return V(*(a // k for a in self.parts))

    def __mod__(self, k):
        return V(*(a % k for a in self.parts))

    def __pow__(self, k):
        return V(*(a ** k for a in self.parts))

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.parts, other.parts))

    def __divmod__(self, k):
        return self // k, self % k

    def __lshift__(self, n):
        return V(*(self.parts[n:] + self.parts[:n]))

    def __and__(self, other):
        return V(*(a & b for a, b in zip(self.parts, other.parts)))

    def __or__(self, other):
        return V(*(a | b for a, b in zip(self.parts, other.parts)))

    def __xor__(self, other):
        return V(*(a ^ b for a, b in zip(self.parts, other.parts)))


a, b = V(1, 2, 3), V(10, 20, 30)
print(a + b, b - a, a * 3, b / 4)
print(b // 7, b % 7, a ** 2, a @ b)
print(divmod(b, 7))
print(a << 1, V(12, 10) & V(10, 6), V(12, 10) | V(10, 6), V(12, 10) ^ V(10, 6))
print(a + b * 2 - a)
