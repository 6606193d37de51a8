# Looking up an Enum member by a value it does not have.
# expect: ValueError: 7 is not a valid Weekday
from enum import Enum
class Weekday(Enum):
    MON = 1
    TUE = 2
    WED = 3
print(Weekday(1), Weekday(3).name)
print([d.value for d in Weekday])
print(Weekday(7))
