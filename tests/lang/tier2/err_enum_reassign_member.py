# Enum members cannot be reassigned.
# expect: AttributeError: cannot reassign member 'OPEN'
from enum import Enum
class State(Enum):
    OPEN = 1
    CLOSED = 2
print(State.OPEN, State.CLOSED.value)
print(State.OPEN is State(1))
State.OPEN = 3
print("never printed")
