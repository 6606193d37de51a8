# super() without arguments outside a method has no class to work from.
# expect: RuntimeError: super(): no arguments
class Base:
    def hello(self):
        return "base hello"
class Child(Base):
    def hello(self):
        return "child -> " + super().hello()
print(Child().hello())
def not_a_method():
    return super()
not_a_method()
