# __call__ makes instances callable: counters, accumulators, callables as keys.
class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0

    def __call__(self, x, *, offset=0):
        self.calls += 1
        return x * self.k + offset


double = Multiplier(2)
print(double(5), double(5, offset=1), double.calls)
print(list(map(Multiplier(3), [1, 2, 3])))
print(callable(double), callable(Multiplier), callable(5))
print(sorted([3, -5, 1], key=Multiplier(-1)))
class Accumulator:
    def __init__(self):
        self.total = 0
    def __call__(self, *values):
        self.total += sum(values)
        return self
acc = Accumulator()
acc(1)(2, 3)(4)
print(acc.total)
class Pipeline:
    def __init__(self, *steps):
        self.steps = steps
    def __call__(self, value):
        for step in self.steps:
            value = step(value)
        return value
p = Pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"), lambda s: s * 2)
print(p("  Hello World "))
