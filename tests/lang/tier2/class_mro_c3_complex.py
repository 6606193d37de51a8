# The C3 MRO on a larger hierarchy (the classic example from the C3 paper).
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

def names(cls):
    return [k.__name__ for k in cls.__mro__]

for cls in (K1, K2, K3, Z):
    print(cls.__name__, names(cls))

class Base:
    tag = "base"
class Left(Base):
    tag = "left"
class Right(Base):
    tag = "right"
class Both(Left, Right):
    pass
class Swapped(Right, Left):
    pass
print(Both.tag, Swapped.tag, names(Both), names(Swapped))
class Mixin:
    def hello(self):
        return "mixin hello from " + type(self).__name__
class Widget(Mixin, Left):
    pass
print(Widget().hello(), Widget.tag, names(Widget))
print(len(Z.__mro__), Z.__mro__[-1].__name__, Z.__bases__[1].__name__)
