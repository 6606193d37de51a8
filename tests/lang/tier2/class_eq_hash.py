# __eq__ with __hash__: usable as dict keys and set members; equal objects collapse.
class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def __eq__(self, other):
        return isinstance(other, Card) and (self.rank, self.suit) == (other.rank, other.suit)

    def __hash__(self):
        return hash((self.rank, self.suit))

    def __repr__(self):
        return f"{self.rank}{self.suit}"


hand = {Card("A", "s"), Card("K", "h"), Card("A", "s"), Card("2", "c")}
print(len(hand), sorted(hand, key=repr))
print(Card("K", "h") in hand, Card("K", "s") in hand)
points = {Card("A", "s"): 11, Card("K", "h"): 10}
points[Card("A", "s")] = 1
print(len(points), points[Card("A", "s")], list(points.values()))
print(hash(Card("Q", "d")) == hash(Card("Q", "d")))
class Plain:
    pass
p, q = Plain(), Plain()
print(p == q, p == p, len({p, q, p}))
print(hash(p) == hash(p))
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__ is None, EqOnly() == 5)
class Inherit(Card):
    pass
print(Inherit("A", "s") == Card("A", "s"), hash(Inherit("A", "s")) == hash(Card("A", "s")))
class Id:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n
print(hash(Id(42)), hash(Id(-1)))
