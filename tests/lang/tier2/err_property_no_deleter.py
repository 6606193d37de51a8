# Deleting a property that has a setter but no deleter.
# expect: AttributeError: property 'name' of 'User' object has no deleter
class User:
    def __init__(self, name):
        self.name = name
    @property
    def name(self):
        return self._name
    @name.setter
    def name(self, value):
        self._name = value.strip()
u = User("  ann ")
print(repr(u.name))
del u.name
