# Adding an object whose class sets __hash__ = None to a set.
# expect: TypeError: unhashable type: 'Mutable'
class Mutable:
    __hash__ = None
    def __init__(self, items):
        self.items = list(items)
seen = set()
seen.add(1)
seen.add("ok")
print(len(seen))
seen.add(Mutable([1, 2]))
print("never printed")
