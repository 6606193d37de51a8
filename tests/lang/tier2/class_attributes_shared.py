# Class attributes are shared by all instances until an instance shadows them.
class Dog:
    species = "canis"
    tricks = []          # one list shared by every Dog (a classic surprise)
    count = 0

    def __init__(self, name):
        self.name = name
        Dog.count += 1

    def add_trick(self, trick):
        self.tricks.append(trick)


a = Dog("rex")
b = Dog("fido")
print(Dog.count, a.species, b.species)
a.add_trick("sit")
b.add_trick("roll")
print(a.tricks, b.tricks, a.tricks is b.tricks)
a.species = "wolf"          # instance attribute shadows the class attribute
print(a.species, b.species, Dog.species)
print(vars(a))
del a.species               # the class attribute shows through again
print(a.species)
Dog.species = "canis lupus"
print(a.species, b.species)
b.count = 100               # shadows; Dog.count unchanged
print(b.count, Dog.count, a.count)
Dog("max")
print(Dog.count, b.count)
class Cat:
    def __init__(self):
        self.tricks = []    # per instance
c1, c2 = Cat(), Cat()
c1.tricks.append("purr")
print(c1.tricks, c2.tricks)
print("species" in Dog.__dict__, "name" in Dog.__dict__, "name" in vars(b))
