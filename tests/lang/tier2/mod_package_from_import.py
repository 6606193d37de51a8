# from package.sub import name, from package import submodule, relative imports inside.
from _pkg.sub import f, shout
from _pkg import tools
from _pkg.inner.deep import where
from _pkg.inner import DEPTH
from _pkg import VERSION as V

print(f(10), shout("from"), tools.twice_f(1), tools.version())
print(where(), DEPTH, V)
import _pkg
print(_pkg.sub.f is f, _pkg.tools is tools)
import sys
print("_pkg.tools" in sys.modules, "_pkg.inner.deep" in sys.modules, "_pkg.nothing" in sys.modules)
from _pkg.tools import f as tools_f
print(tools_f is f)
from _pkg import inner
print(inner.__name__, inner.DEPTH)
