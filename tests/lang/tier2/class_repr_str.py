# __repr__ vs __str__: print, str(), repr(), f-strings (!r, !s) and containers (always repr).
class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Tag({self.name!r})"

    def __str__(self):
        return f"#{self.name}"


t = Tag("news")
print(t)
print(str(t), repr(t))
print(f"{t} {t!r} {t!s}")
print([t, Tag("x")])
print((t,), {"k": t}, {1: [t]})
print("%s and %r" % (t, t))
print("{} / {!r}".format(t, t))
print(str([t]), repr(str(t)))
class OnlyRepr:
    def __repr__(self):
        return "<only repr>"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}", [OnlyRepr()])
class OnlyStr:
    def __str__(self):
        return "only str"
print(OnlyStr(), f"{OnlyStr()}")
print(repr(OnlyStr()).startswith("<__main__.OnlyStr object at "))
class Nested:
    def __init__(self, children):
        self.children = children
    def __repr__(self):
        return f"Nested({self.children!r})"
print(Nested([Nested([]), Nested([t])]))
print(f"{t!r:>15}|{str(t):<8}|")
