# Multiple inheritance: the diamond and the C3 linearisation (__mro__).
class A:
    def who(self):
        return "A"
    def trail(self):
        return ["A"]

class B(A):
    def who(self):
        return "B"
    def trail(self):
        return ["B"] + super().trail()

class C(A):
    def who(self):
        return "C"
    def trail(self):
        return ["C"] + super().trail()

class D(B, C):
    def trail(self):
        return ["D"] + super().trail()

class E(C, B):
    pass

print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in E.__mro__])
print(D().who(), E().who())
print(D().trail())
print(E().trail())
print([k.__name__ for k in D.mro()])
print(isinstance(D(), C), issubclass(E, B), issubclass(D, E))
class F(D):
    def who(self):
        return "F>" + super().who()
print(F().who(), [k.__name__ for k in F.__mro__])
