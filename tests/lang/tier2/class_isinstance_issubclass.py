# isinstance/issubclass with user classes, tuples of classes and builtins.
class Vehicle: pass
class Car(Vehicle): pass
class Boat(Vehicle): pass
class Amphibian(Car, Boat): pass
class Unrelated: pass

things = [Vehicle(), Car(), Boat(), Amphibian(), Unrelated(), 5, "s"]
for thing in things:
    print(type(thing).__name__,
          isinstance(thing, Vehicle),
          isinstance(thing, (Car, Boat)),
          isinstance(thing, (int, str)),
          isinstance(thing, (Unrelated, (int, Boat))))
classes = [Vehicle, Car, Boat, Amphibian, Unrelated]
for cls in classes:
    print(cls.__name__, [other.__name__ for other in classes if issubclass(cls, other)])
print(issubclass(Amphibian, (Unrelated, Boat)), issubclass(bool, (str, int)))
print(issubclass(Car, object), isinstance(Car, type), isinstance(Car(), object))
print(isinstance(True, int), isinstance(3, bool), issubclass(int, int))
class MyList(list):
    pass
ml = MyList([1, 2])
print(isinstance(ml, list), type(ml) is list, type(ml).__name__, ml + [3])
print(isinstance(KeyError(), LookupError), issubclass(type(ValueError()), Exception))
