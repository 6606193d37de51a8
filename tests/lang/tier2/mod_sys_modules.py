# sys.modules: membership before and after import, identity with the imported module.
import sys
print("_helper" in sys.modules)
import _helper
print("_helper" in sys.modules, sys.modules["_helper"] is _helper)
print("sys" in sys.modules, "__main__" in sys.modules)
main = sys.modules["__main__"]
print(main.__name__)
marker = "defined in main"
print(main.marker)
print("_pkg" in sys.modules, "_pkg.sub" in sys.modules)
import _pkg.sub
print("_pkg" in sys.modules, "_pkg.sub" in sys.modules)
print(sys.modules.get("definitely_not_a_module_name") is None)
print(type(sys.modules).__name__)
import math
print(sys.modules["math"].floor(2.9))
