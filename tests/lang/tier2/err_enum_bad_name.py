# Looking up an Enum member by a missing name.
# expect: KeyError: 'PURPLE'
from enum import Enum
class Color(Enum):
    RED = "r"
    GREEN = "g"
print(Color["RED"], Color["GREEN"].value)
print("PURPLE" in Color.__members__)
print(Color["PURPLE"])
print("never printed")
