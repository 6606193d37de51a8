# Instances whose attributes are added in different orders, conditionally, by subclasses before
# and after super().__init__, and by properties: each keeps its own values and Python's
# insertion order, also after __dict__ is cleared and attributes are deleted.


class Node:
    def __init__(self, value, with_label=False):
        self.value = value
        if with_label:
            self.label = "n%d" % value
        self.next = None


class Tagged(Node):
    def __init__(self, value):
        self.tag = "t"            # before the base class's attributes
        super().__init__(value, value % 2 == 0)
        self.weight = value * 10  # and after them


nodes = [Node(i, i % 3 == 0) for i in range(5)] + [Tagged(i) for i in range(5, 8)]
for first, second in zip(nodes, nodes[1:]):
    first.next = second
total = 0
node = nodes[0]
while node is not None:
    total += node.value
    node = node.next
print(total, [list(vars(n)) for n in nodes[3:7]])
print([getattr(n, "label", "-") for n in nodes], [getattr(n, "weight", 0) for n in nodes])

# Counters updated in a loop on many instances of one layout.
class Counter:
    def __init__(self):
        self.hits = 0
        self.misses = 0

    def record(self, hit):
        if hit:
            self.hits += 1
        else:
            self.misses += 1


counters = [Counter() for _ in range(4)]
for i in range(1000):
    counters[i % 4].record(i % 7 < 3)
print([(c.hits, c.misses) for c in counters])
counters[1].__dict__.clear()
print(vars(counters[1]), hasattr(counters[1], "hits"))
try:
    counters[1].record(True)
except AttributeError as e:
    print("AttributeError:", e)
counters[1].hits = 5
counters[1].record(True)
print(vars(counters[1]))


# A property stores under another name; reading the name goes through the property.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        self._c = round(value, 2)

    @celsius.deleter
    def celsius(self):
        del self._c


t = Temperature(21.456)
print(t.celsius, vars(t))
del t.celsius
print(vars(t), hasattr(t, "celsius"))
t.celsius = 3
print(vars(t))
