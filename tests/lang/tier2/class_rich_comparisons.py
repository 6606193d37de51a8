# Rich comparison dunders, sorting by __lt__, min/max, and chained comparisons on objects.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
        self.text = text

    def __repr__(self):
        return f"Version({self.text!r})"

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __gt__(self, other):
        return self.parts > other.parts

    def __ge__(self, other):
        return self.parts >= other.parts

    def __ne__(self, other):
        return self.parts != other.parts

    __hash__ = None


vs = [Version(t) for t in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3"]]
print(sorted(vs))
print(min(vs), max(vs))
print(vs[1] == vs[4], vs[1] is vs[4], vs[1] != vs[2])
print(vs[1] < vs[2] < vs[0], vs[0] >= vs[2], vs[3] <= vs[3])
print(sorted(vs, reverse=True)[:2])
print(vs.count(Version("1.2.3")), vs.index(Version("1.2.10")))
print(Version("2.0") in vs, Version("0.9") in vs)
class OnlyLt:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f"L{self.n}"
items = [OnlyLt(3), OnlyLt(1), OnlyLt(2)]
print(sorted(items), max(items), OnlyLt(5) > OnlyLt(4))
