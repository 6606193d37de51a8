# __iter__ must return an iterator, not just an iterable.
# expect: TypeError: iter() returned non-iterator of type 'list'
class Bad:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return self.items
class Good(Bad):
    def __iter__(self):
        return iter(self.items)
print(list(Good([1, 2])))
for x in Bad([1, 2]):
    print(x)
