# A linked list class with the full container protocol: iteration, len, indexing, in, repr, ==.
class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self._size = 0
        for value in reversed(list(iterable)):
            self.push_front(value)

    def push_front(self, value):
        self.head = Node(value, self.head)
        self._size += 1

    def __iter__(self):
        node = self.head
        while node is not None:
            yield node.value
            node = node.next

    def __len__(self):
        return self._size

    def __getitem__(self, index):
        if index < 0:
            index += self._size
        for i, value in enumerate(self):
            if i == index:
                return value
        raise IndexError("linked list index out of range")

    def __contains__(self, value):
        return any(v == value for v in self)

    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"

    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)

    def __add__(self, other):
        return LinkedList(list(self) + list(other))

    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev

ll = LinkedList([3, 1, 4, 1, 5])
print(ll, len(ll), ll[0], ll[-1], 4 in ll, 9 in ll)
ll.push_front(0)
print(ll, sorted(ll), sum(ll), max(ll))
ll.reverse()
print(ll, ll == LinkedList([5, 1, 4, 1, 3, 0]), ll == [5, 1, 4, 1, 3, 0])
print(ll + LinkedList("ab"), bool(LinkedList()), bool(ll))
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
print([x * 2 for x in ll if x % 2], list(zip(ll, "abc")))
