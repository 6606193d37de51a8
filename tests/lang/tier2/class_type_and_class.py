# type(obj).__name__, obj.__class__, __qualname__, __module__, class objects as values.
class Outer:
    class Inner:
        def method(self):
            pass

    def make(self):
        return self.Inner()


o = Outer()
i = o.make()
print(type(o).__name__, o.__class__.__name__, o.__class__ is Outer)
print(type(i).__name__, type(i).__qualname__, Outer.Inner.method.__qualname__)
print(Outer.__module__, __name__)
print(type(o) == Outer, type(i) is Outer.Inner)
print(type(Outer).__name__, type(type).__name__, type(5).__name__, type(None).__name__)
kinds = [int, str, Outer, list]
print([k.__name__ for k in kinds])
made = [k() for k in (int, str, list, dict, Outer)]
print([type(m).__name__ for m in made])
clone = o.__class__()
print(type(clone).__name__, clone is o)
def describe(x):
    return f"{x!r} is a {type(x).__name__}" if not isinstance(x, Outer) else "an Outer"
print(describe(1.5), describe((1,)), describe(o))
print(Outer.make.__name__, o.make.__name__, o.make.__self__ is o)
print(type(o.make).__name__, type(Outer.make).__name__)
print(bool.__mro__[1].__name__, [c.__name__ for c in type(True).__mro__])
