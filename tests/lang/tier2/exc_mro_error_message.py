# The inconsistent-MRO TypeError caught: its full message (with CPython 3.11's embedded newline).
class A:
    pass
class B(A):
    pass
class X:
    pass
class Y:
    pass
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(repr(str(e)))
    print(str(e).replace("\n", " "))
class Z(X, Y):
    pass
try:
    class Worse(X, Y, Z):
        pass
except TypeError as e:
    print(repr(str(e)))
class P(X, Y):
    pass
class Q(Y, X):
    pass
try:
    class R(P, Q):
        pass
except TypeError as e:
    print(repr(str(e)))
class Ok(B, A):
    pass
print([k.__name__ for k in Ok.__mro__])
