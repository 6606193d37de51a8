# Single inheritance: overriding, calling the base implementation, attribute lookup order.
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def kind(self):
        return "animal"

    def describe(self):
        return f"{self.name} is a {self.kind()}"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog"


class Puppy(Dog):
    def __init__(self, name, age):
        Animal.__init__(self, name)
        self.age = age

    def speak(self):
        return Dog.speak(self) + " (squeaky)"


for pet in [Animal("generic"), Dog("rex"), Puppy("bit", 1)]:
    print(pet.speak(), "|", pet.describe())
p = Puppy("tiny", 0)
print(p.age, p.name, p.sound, p.kind())
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(Dog("a"), Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog))
print(Puppy.__bases__[0].__name__, Dog.__bases__[0].__name__, Animal.__bases__[0].__name__)
print([k.__name__ for k in Puppy.__mro__])
print("speak" in Puppy.__dict__, "kind" in Puppy.__dict__)
Dog.sound = "WOOF"
print(p.speak())
