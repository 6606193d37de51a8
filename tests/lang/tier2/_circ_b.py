"""The other half: only touches _circ_a's attributes inside functions (late binding)."""
print("_circ_b: start")
import _circ_a

B_VALUE = "b"


def call_a_later():
    return "b sees " + _circ_a.A_VALUE

print("_circ_b: end, _circ_a has A_VALUE yet:", hasattr(_circ_a, "A_VALUE"))
