# super() inside classmethods and staticmethod-based factories.
class Base:
    registry = []

    @classmethod
    def create(cls, value):
        obj = cls()
        obj.value = value
        cls.registry.append(cls.__name__)
        return obj

    @classmethod
    def describe(cls):
        return "Base.describe for " + cls.__name__


class Child(Base):
    @classmethod
    def create(cls, value):
        obj = super().create(value * 10)
        obj.extra = "child"
        return obj

    @classmethod
    def describe(cls):
        return "Child -> " + super().describe()


class GrandChild(Child):
    @classmethod
    def describe(cls):
        return "GrandChild -> " + super(GrandChild, cls).describe()


b = Base.create(1)
c = Child.create(2)
g = GrandChild.create(3)
print(b.value, c.value, c.extra, g.value, g.extra)
print(type(b).__name__, type(c).__name__, type(g).__name__)
print(Base.registry)
print(Base.describe())
print(Child.describe())
print(GrandChild.describe())
print(g.describe())
