# Packages: import a package, dotted submodule imports, attributes set by __init__.
import _pkg
print(_pkg.VERSION, _pkg.__name__)
print(_pkg.sub.f(5), _pkg.shout("pkg"))
import _pkg.tools
print(_pkg.tools.twice_f(3), _pkg.tools.version())
print(_pkg.tools.__name__, _pkg.sub.__name__)
import _pkg.inner.deep
print(_pkg.inner.deep.where(), _pkg.inner.DEPTH)
import sys
loaded = sorted(name for name in sys.modules if name.startswith("_pkg"))
print(loaded)
print(hasattr(_pkg, "tools"), hasattr(_pkg, "inner"), hasattr(_pkg.inner, "deep"))
print(type(_pkg).__name__, type(_pkg.tools).__name__)
print(_pkg.__doc__, _pkg.sub.__doc__)
