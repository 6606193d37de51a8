# enum.IntEnum compares and computes like int; enum.auto numbers members.
from enum import Enum, IntEnum, auto

class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10

print(Priority.HIGH, repr(Priority.HIGH), Priority.HIGH == 10, Priority.LOW < Priority.MEDIUM)
print(Priority.MEDIUM + 1, Priority.HIGH * 2, sorted([Priority.HIGH, 3, Priority.LOW]))
print(int(Priority.MEDIUM), Priority(5), Priority(5) is Priority.MEDIUM, isinstance(Priority.LOW, int))
print([p.name for p in Priority], max(Priority).name, list(range(Priority.LOW, 4)))
print(f"{Priority.HIGH}", f"{Priority.HIGH:>4}", "%d" % Priority.LOW, str(Priority.LOW))
class Step(Enum):
    FIRST = auto()
    SECOND = auto()
    THIRD = auto()
print([(s.name, s.value) for s in Step])
print(Step.FIRST == 1, Step(3).name)
class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
    @property
    def sides(self):
        return 0 if self is Shape.CIRCLE else 4
    @classmethod
    def parse(cls, text):
        return cls[text.upper()]
print(Shape.parse("square"), Shape.SQUARE.sides, Shape.CIRCLE.sides)
print({p: p.value for p in Priority})
