# A circular import that works: attributes are only used after both modules finished loading.
print("main: importing _circ_a")
import _circ_a
print("main: done")
print(_circ_a.use_b())
import _circ_b
print(_circ_b.call_a_later())
print(_circ_a._circ_b is _circ_b, _circ_b._circ_a is _circ_a)
print(_circ_a.A_VALUE, _circ_b.B_VALUE)
import sys
print("_circ_a" in sys.modules, "_circ_b" in sys.modules)
