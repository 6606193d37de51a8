# enum.Enum: members, name/value, identity comparisons, lookup by value and by name, repr.
from enum import Enum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(2), Color["BLUE"], Color(1) is Color.RED, Color["RED"] is Color.RED)
print(list(Color), len(Color), [c.name for c in Color])
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is not Color.GREEN)
print(isinstance(Color.GREEN, Color), type(Color.GREEN).__name__)
print(Color.RED in Color, f"{Color.BLUE}", str(Color.GREEN))
print({Color.RED: "stop", Color.GREEN: "go"}[Color.GREEN])
print(Color.__members__.keys(), list(Color.__members__))
class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    ALIAS = "active"              # an alias of ACTIVE
    def label(self):
        return self.value.title()
print(Status.ALIAS is Status.ACTIVE, list(Status), Status("inactive").label())
print(Status.ACTIVE.name, Status.ALIAS.name, Status["ALIAS"])
print(sorted(Color, key=lambda c: -c.value))
print(hash(Color.RED) == hash(Color.RED), Color.RED.__class__ is Color)
