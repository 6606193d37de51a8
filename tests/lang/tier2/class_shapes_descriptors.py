# Instance attributes against the class: data descriptors win over the instance dict, non-data
# descriptors and methods lose to it; __getattr__/__setattr__/__delattr__ overrides; __slots__.


# Data descriptors win over the instance dict, non-data descriptors lose to it.
class Desc:
    def __get__(self, obj, owner):
        return "data-descriptor"

    def __set__(self, obj, value):
        obj.__dict__["seen"] = value


class NonData:
    def __get__(self, obj, owner):
        return "non-data"


class Holder:
    d = Desc()
    n = NonData()

    def method(self):
        return "method"


h = Holder()
h.d = 5
h.__dict__["d"] = "shadow?"
print(h.d, h.seen, h.n)
h.n = "instance wins"
h.method = lambda: "instance callable"
print(h.n, h.method(), sorted(vars(h)))
del h.method
print(h.method())

# __getattr__ runs only when normal lookup fails; __setattr__/__delattr__ overrides.
class Proxy:
    def __init__(self):
        object.__setattr__(self, "log", [])
        self.real = 1

    def __getattr__(self, name):
        return "fallback:" + name

    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)


p = Proxy()
p.x = 4
print(p.real, p.x, p.other, p.log, vars(p))
del p.x
print(p.x, p.log)

# __slots__ next to __dict__ classes.
class Slotted:
    __slots__ = ("a", "b")


class SlottedWithDict:
    __slots__ = ("a", "__dict__")


s = Slotted()
s.a = 1
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(s, "__dict__"), s.a, hasattr(s, "b"))
sd = SlottedWithDict()
sd.a = 1
sd.extra = 2
print(sd.a, sd.extra, vars(sd))
