# Indexing an instance whose class has no __getitem__.
# expect: TypeError: 'Deck' object is not subscriptable
class Deck:
    def __init__(self):
        self.cards = list(range(1, 53))
    def top(self):
        return self.cards[0]
d = Deck()
print(d.top(), d.cards[-1], len(d.cards))
print(d.cards[10:13])
print(d[0])
