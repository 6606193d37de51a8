# yield from: delegation to sub-generators and iterables, recursion.
def inner(tag):
    yield tag + "1"
    yield tag + "2"

def outer():
    yield "start"
    yield from inner("a")
    yield from inner("b")
    yield from [10, 20]
    yield from "xy"
    yield from range(2)
    yield "end"

print(list(outer()))
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, [5]]]], 6, [], [[7]]])))
class Node:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def walk(self, depth=0):
        yield depth, self.value
        for child in self.children:
            yield from child.walk(depth + 1)
tree = Node("root", Node("a", Node("a1"), Node("a2")), Node("b"))
for depth, value in tree.walk():
    print("  " * depth + value)
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1], (2, 3), {4: "x"}, iter([5]))))
