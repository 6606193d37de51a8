# Modules are executed once: later imports reuse the cached module object.
print("before first import")
import _noisy
print("after first import", _noisy.loads)
import _noisy
print("after second import")
from _noisy import loads
print("after from-import", loads)
_noisy.loads += 1
import _noisy as again
print(again.loads, again is _noisy)
def inside():
    import _noisy
    return _noisy.loads
print(inside())
import sys
print(sys.modules["_noisy"].loads)
