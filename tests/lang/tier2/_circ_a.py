"""Half of a circular import that works: _circ_b imports this module while it is loading."""
print("_circ_a: start")
import _circ_b

A_VALUE = "a"


def use_b():
    return "a sees " + _circ_b.B_VALUE + " and " + _circ_b.call_a_later()

print("_circ_a: end")
