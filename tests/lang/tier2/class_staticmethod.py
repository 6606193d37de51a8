# @staticmethod: no self or cls, callable through the class and through instances.
class MathUtil:
    factor = 3

    @staticmethod
    def add(a, b):
        return a + b

    @staticmethod
    def is_even(n):
        return n % 2 == 0

    def scaled_sum(self, a, b):
        return self.add(a, b) * self.factor

    @staticmethod
    def clamp(x, low=0, high=10):
        return max(low, min(high, x))


print(MathUtil.add(2, 3))
m = MathUtil()
print(m.add(10, 20), m.scaled_sum(1, 2))
print([n for n in range(10) if MathUtil.is_even(n)])
print(MathUtil.clamp(-5), MathUtil.clamp(50), MathUtil.clamp(5), m.clamp(7, high=6))
f = MathUtil.add
print(f("a", "b"), f([1], [2]))
class Sub(MathUtil):
    factor = 100
    @staticmethod
    def add(a, b):
        return a - b
print(Sub().scaled_sum(10, 3), Sub.add(10, 3), MathUtil.add(10, 3))
print(callable(MathUtil.is_even), type(MathUtil.__dict__["add"]).__name__)
