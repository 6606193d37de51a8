# Uncaught StopIteration from next() on an exhausted iterator: the last line is just the type.
# expect: StopIteration
it = iter(["first", "second"])
print(next(it))
print(next(it))
print(next(it, "default is fine"))
numbers = iter(range(3))
print(list(numbers), next(numbers, "exhausted"))
print(next(iter("x")))
print(next(it))
