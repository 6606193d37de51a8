# __getitem__ alone makes an object iterable: Python calls it with 0, 1, 2... until IndexError.
class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, index):
        print("getitem", index)
        if index >= self.n:
            raise IndexError("out of squares")
        return index * index


for value in Squares(3):
    print("value", value)
print(list(Squares(4)))
print(2 in Squares(3), 4 in Squares(3))
print(sum(Squares(5)), max(Squares(2)))
a, b = Squares(2)
print(a, b)
it = iter(Squares(1))
print(next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration after IndexError")
class Word:
    def __init__(self, text):
        self.text = text
    def __getitem__(self, key):
        return self.text[key]
w = Word("stitch")
print(w[0], w[-1], w[1:4], w[::2], list(w), sorted(w))
print("".join(reversed(list(w))))
