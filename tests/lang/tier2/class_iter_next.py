# The iterator protocol for user classes: __iter__ returns an object with __next__.
class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIterator(self.start)


class CountdownIterator:
    def __init__(self, current):
        self.current = current

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


c = Countdown(3)
print(list(c), list(c))            # a fresh iterator each time
it = iter(c)
print(next(it), next(it))
print(list(it), list(it))          # the iterator is exhausted
print(next(it, "done"))
for a in Countdown(2):
    for b in Countdown(2):
        print(a, b, end="; ")
print()
print(sorted(Countdown(4)), sum(Countdown(10)), dict(zip(Countdown(3), "abc")))
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value
f = Fib(50)
print(iter(f) is f, list(f), list(f))
print(list(enumerate(Fib(5))))
