"""abc for Stitch: abstract base classes.

ABCMeta is a metaclass: when it creates a class it records in __abstractmethods__ every name still
bound to an object marked __isabstractmethod__ (by @abstractmethod), in the class itself or left
unimplemented from its bases; calling a class that has any raises CPython 3.11's TypeError
"Can't instantiate abstract class X with abstract method(s) a, b" (names sorted).

Not yet: register() records virtual subclasses but isinstance()/issubclass() do not consult them
(Stitch has no __instancecheck__/__subclasscheck__ hooks).
"""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False) is True:
        return True
    # Wrappers are abstract when what they wrap is (@property over @abstractmethod, ...).
    if isinstance(value, property):
        return any(_is_abstract(f) for f in (value.fget, value.fset, value.fdel) if f is not None)
    if isinstance(value, (classmethod, staticmethod)):
        return _is_abstract(getattr(value, "__func__", None))
    return False


def _compute_abstract_methods(cls):
    abstracts = {name for name, value in cls.__dict__.items() if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstract_methods(cls)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            plural = "s" if len(names) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract "
                            f"method{plural} {', '.join(names)}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        cls._abc_registry.append(subclass)
        return subclass


class ABC(metaclass=ABCMeta):
    __slots__ = ()


def update_abstractmethods(cls):
    if hasattr(cls, "__abstractmethods__"):
        cls.__abstractmethods__ = _compute_abstract_methods(cls)
    return cls


def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def get_cache_token():
    return 0
