# next() on an object without __next__.
# expect: TypeError: 'Bag' object is not an iterator
class Bag:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
bag = Bag(1, 2, 3)
it = iter(bag)
print(next(it), next(it))
print(list(bag))
print(next(bag))
