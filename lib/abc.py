"""abc for Stitch: abstract base classes.

A class is abstract while some name in its namespace or its bases' __abstractmethods__ is still
bound to an object marked __isabstractmethod__ (by @abstractmethod). ABC computes
__abstractmethods__ when each subclass is created (__init_subclass__) and refuses to instantiate a
class that has any, with CPython 3.11's message. ABCMeta is provided by name for programs that
spell `metaclass=ABCMeta`.
"""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False) is True


def _compute_abstract_methods(cls):
    abstracts = {name for name, value in cls.__dict__.items() if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    pass


class ABC:
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__abstractmethods__ = _compute_abstract_methods(cls)

    def __new__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get("__abstractmethods__")
        if abstracts:
            names = sorted(abstracts)
            plural = "s" if len(names) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract "
                            f"method{plural} {', '.join(names)}")
        if cls.__init__ is object.__init__ and (args or kwargs):
            raise TypeError(f"{cls.__name__}() takes no arguments")
        return object.__new__(cls)


ABC.__abstractmethods__ = frozenset()


def update_abstractmethods(cls):
    if hasattr(cls, "__abstractmethods__"):
        cls.__abstractmethods__ = _compute_abstract_methods(cls)
    return cls


class abstractproperty(property):
    __isabstractmethod__ = True


def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)
