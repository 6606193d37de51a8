# Iterating over an object with neither __iter__ nor __getitem__.
# expect: TypeError: 'Inventory' object is not iterable
class Inventory:
    def __init__(self):
        self.items = ["apple", "pear"]
    def __len__(self):
        return len(self.items)
inv = Inventory()
print(len(inv))
for item in inv.items:
    print(item)
for item in inv:
    print(item)
