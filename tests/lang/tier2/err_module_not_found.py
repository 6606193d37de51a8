# Importing a module that does not exist.
# expect: ModuleNotFoundError: No module named 'nosuchmodule'
import math
import _helper
print(math.sqrt(4))
print(_helper.greet("importer"))
try:
    import another_missing_module
except ImportError as e:
    print(type(e).__name__, e.name)
import nosuchmodule
