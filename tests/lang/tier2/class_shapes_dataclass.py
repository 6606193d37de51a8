# Dataclasses and attributes named at run time: generated __init__ stores fields in declaration
# order, subclasses append theirs, extra attributes follow; setattr/getattr/delattr with built
# names keep Python's insertion order.
from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)


@dataclass
class Priced(Item):
    currency: str = "EUR"


i1 = Item("pen", 1.5)
i2 = Priced("book", 12.0, ["paper"])
i1.extra = True
print(i1, i2, vars(i1), list(vars(i2)))
print(i1 == Item("pen", 1.5, []), i2 == Priced("book", 12.0, ["paper"], "EUR"))

# Attributes whose names are built at run time, then read back in another order.
class Record:
    pass


r = Record()
keys = ["k%d" % (i * 7 % 11) for i in range(11)]
for position, key in enumerate(keys):
    setattr(r, key, position)
print([getattr(r, "k%d" % i) for i in range(11)], list(vars(r)) == keys)
for key in keys[::2]:
    delattr(r, key)
print(list(vars(r)))
