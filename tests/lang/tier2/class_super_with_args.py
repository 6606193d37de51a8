# super(Class, obj): the explicit two-argument form, skipping classes in the MRO.
class A:
    def f(self):
        return "A.f"

class B(A):
    def f(self):
        return "B.f -> " + super(B, self).f()

class C(A):
    def f(self):
        return "C.f -> " + super(C, self).f()

class D(B, C):
    def f(self):
        return "D.f -> " + super(D, self).f()

    def skip_b(self):
        return super(B, self).f()   # continue the MRO after B: C

    def only_a(self):
        return super(C, self).f()

d = D()
print(d.f())
print(d.skip_b())
print(d.only_a())
print(super(D, d).f())
print(super(B, d).f())
print([k.__name__ for k in D.__mro__])
class Counter:
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n += 1
        return self.n
class Double(Counter):
    def bump(self):
        super(Double, self).bump()
        return super(Double, self).bump()
c = Double()
print(c.bump(), c.bump(), c.n)
