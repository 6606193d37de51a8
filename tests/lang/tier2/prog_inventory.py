# An inventory with classes, properties, dunders, a defaultdict report and custom errors.
from collections import defaultdict

class OutOfStock(Exception):
    def __init__(self, sku, wanted, available):
        super().__init__(f"{sku}: wanted {wanted}, only {available} left")
        self.sku = sku

class Item:
    def __init__(self, sku, name, price, quantity=0, category="misc"):
        self.sku, self.name, self.category = sku, name, category
        self.price = price
        self.quantity = quantity

    @property
    def value(self):
        return self.price * self.quantity

    def __repr__(self):
        return f"Item({self.sku!r}, qty={self.quantity})"

class Inventory:
    def __init__(self):
        self._items = {}
        self.log = []

    def add(self, item):
        self._items[item.sku] = item
        self.log.append(("add", item.sku, item.quantity))

    def remove(self, sku, quantity):
        item = self[sku]
        if item.quantity < quantity:
            raise OutOfStock(sku, quantity, item.quantity)
        item.quantity -= quantity
        self.log.append(("remove", sku, quantity))

    def __getitem__(self, sku):
        return self._items[sku]

    def __contains__(self, sku):
        return sku in self._items

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(sorted(self._items.values(), key=lambda i: i.sku))

    def total_value(self):
        return sum(item.value for item in self)

    def by_category(self):
        groups = defaultdict(list)
        for item in self:
            groups[item.category].append(item.name)
        return dict(sorted(groups.items()))

inv = Inventory()
inv.add(Item("A1", "bolt", 0.25, 400, "hardware"))
inv.add(Item("B7", "hammer", 12.5, 10, "tools"))
inv.add(Item("A2", "nut", 0.1, 1000, "hardware"))
inv.add(Item("C3", "tape", 3.75, 0))
print(len(inv), list(inv), "B7" in inv, "Z9" in inv)
print(round(inv.total_value(), 2), inv.by_category())
orders = [("A1", 150), ("B7", 11), ("A2", 1000), ("C3", 1), ("A1", 250), ("A1", 1)]
for sku, qty in orders:
    try:
        inv.remove(sku, qty)
        print("shipped", qty, "x", inv[sku].name)
    except OutOfStock as e:
        print("cannot ship:", e, "| sku", e.sku)
print([(i.sku, i.quantity) for i in inv], round(inv.total_value(), 2))
print(len(inv.log), inv.log[-1], [entry[0] for entry in inv.log].count("remove"))
print(sorted(inv, key=lambda i: -i.value)[0].name)
