# A dotted import whose submodule does not exist inside an existing package.
# expect: ModuleNotFoundError: No module named '_pkg.missing'
import _pkg
print(_pkg.VERSION)
import _pkg.tools
print(_pkg.tools.version())
import sys
print("_pkg.missing" in sys.modules)
import _pkg.missing
print("never printed")
