# Cooperative multiple inheritance: every __init__ calls super().__init__(**rest).
class Base:
    def __init__(self, **kwargs):
        print("Base init, leftover:", sorted(kwargs))
        super().__init__()

class Named(Base):
    def __init__(self, name, **kwargs):
        print("Named init", name)
        self.name = name
        super().__init__(**kwargs)

class Colored(Base):
    def __init__(self, color="grey", **kwargs):
        print("Colored init", color)
        self.color = color
        super().__init__(**kwargs)

class Sized(Base):
    def __init__(self, size=1, **kwargs):
        print("Sized init", size)
        self.size = size
        super().__init__(**kwargs)

class Thing(Named, Colored, Sized):
    def __init__(self, **kwargs):
        print("Thing init")
        super().__init__(**kwargs)

    def __repr__(self):
        return f"Thing({self.name!r}, {self.color!r}, {self.size})"

print([k.__name__ for k in Thing.__mro__])
t = Thing(name="box", color="red", size=3)
print(t)
u = Thing(name="ball", extra=True)
print(u)
class Walker:
    def moves(self):
        return ["walk"] + getattr(super(), "moves", lambda: [])()
class Swimmer:
    def moves(self):
        return ["swim"] + getattr(super(), "moves", lambda: [])()
class Duck(Walker, Swimmer):
    def moves(self):
        return ["fly"] + super().moves()
print(Duck().moves())
