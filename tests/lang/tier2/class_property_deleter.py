# @property with a deleter, and properties overridden in subclasses.
class Account:
    def __init__(self, owner):
        self._owner = owner
        self.history = []

    @property
    def owner(self):
        return self._owner

    @owner.setter
    def owner(self, name):
        self.history.append(("rename", getattr(self, "_owner", None), name))
        self._owner = name

    @owner.deleter
    def owner(self):
        self.history.append(("delete", self._owner))
        del self._owner


a = Account("ann")
print(a.owner)
a.owner = "bob"
print(a.owner)
del a.owner
print(hasattr(a, "_owner"), a.history)
try:
    a.owner
except AttributeError as e:
    print("AttributeError:", e)
a.owner = "cid"
print(a.owner, len(a.history))
class Base:
    @property
    def kind(self):
        return "base"
class Derived(Base):
    @property
    def kind(self):
        return "derived of " + super().kind
print(Base().kind, Derived().kind)
try:
    Derived().kind = 1
except AttributeError as e:
    print("AttributeError:", e)
