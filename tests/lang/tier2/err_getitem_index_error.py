# An IndexError raised by a user __getitem__ (with its own message) when indexed directly.
# expect: IndexError: ring buffer index 5 out of range
class Ring:
    def __init__(self, *items):
        self.items = items
    def __getitem__(self, i):
        if not 0 <= i < len(self.items):
            raise IndexError(f"ring buffer index {i} out of range")
        return self.items[i]
r = Ring("a", "b", "c")
print(list(r), r[2])
print(r[5])
