# __bool__ must return a bool.
# expect: TypeError: __bool__ should return bool, returned int
class Counter:
    def __init__(self, n):
        self.n = n
    def __bool__(self):
        return self.n
print(Counter.__name__)
c = Counter(0)
print(c.n)
if c:
    print("never printed")
