# Methods as values: bound methods remember self; functions stored on classes become methods.
class Counter:
    def __init__(self, name):
        self.name = name
        self.n = 0

    def inc(self, by=1):
        self.n += by
        return self.n


a, b = Counter("a"), Counter("b")
ops = [a.inc, b.inc, a.inc]
print([op() for op in ops], a.n, b.n)
unbound = Counter.inc
print(unbound(a, 10), a.n)
print(a.inc.__self__.name, a.inc.__func__ is Counter.inc)
def shout(self):
    return self.name.upper()
Counter.shout = shout
print(a.shout(), b.shout())
a.whisper = lambda: "instance function, no self"
print(a.whisper())
callbacks = {}
for c in (a, b):
    callbacks[c.name] = c.inc
callbacks["b"](5)
print(b.n)
print(list(map(Counter("m").inc, [1, 2, 3])))
print(a.inc == a.inc, a.inc == b.inc)
