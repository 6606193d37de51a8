# Inconsistent base order: no C3 linearisation exists. CPython 3.11's message contains a newline
# ('...method resolution\norder (MRO) for bases A, B'), so the last stderr line is its second half.
# expect: order (MRO) for bases A, B
class A:
    pass
class B(A):
    pass
class Fine(B, A):
    pass
print([k.__name__ for k in Fine.__mro__])
class Broken(A, B):
    pass
print("never printed")
