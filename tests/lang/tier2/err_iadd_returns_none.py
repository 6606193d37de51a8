# An __iadd__ that forgets to return self rebinds the name to None.
# expect: AttributeError: 'NoneType' object has no attribute 'items'
class Basket:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
b = Basket()
print(b.items)
b += "apple"
print(b)
print(b.items)
