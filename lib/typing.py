"""typing for Stitch: the names programs use in annotations.

Annotations are never checked, so each special form only needs to exist, print like CPython's and
accept subscription (List[int], Optional[str], Callable[[int], int], ...). Subscripting returns a
_GenericAlias that remembers its arguments for printing.
"""

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    return repr(obj)


class _GenericAlias:
    def __init__(self, origin, name, args):
        self.__origin__ = origin
        self._name = name
        self.__args__ = args

    def __repr__(self):
        if self._name == "Optional":
            return f"typing.Optional[{_type_repr(self.__args__[0])}]"
        return f"typing.{self._name}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, self._name, params if isinstance(params, tuple) else (params,))

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f"Type {self._name} cannot be instantiated")
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))


class _SpecialForm:
    def __init__(self, name, origin=None):
        self._name = name
        self.__origin__ = origin

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Optional":
            return _GenericAlias(self.__origin__, "Optional", params + (type(None),))
        return _GenericAlias(self.__origin__, self._name, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f"Cannot instantiate typing.{self._name}")
        return self.__origin__(*args, **kwargs)


Any = _SpecialForm("Any")
Union = _SpecialForm("Union")
Optional = _SpecialForm("Optional")
Callable = _SpecialForm("Callable")
ClassVar = _SpecialForm("ClassVar")
Final = _SpecialForm("Final")
Literal = _SpecialForm("Literal")
NoReturn = _SpecialForm("NoReturn")
List = _SpecialForm("List", list)
Dict = _SpecialForm("Dict", dict)
Set = _SpecialForm("Set", set)
FrozenSet = _SpecialForm("FrozenSet", frozenset)
Tuple = _SpecialForm("Tuple", tuple)
Type = _SpecialForm("Type", type)
Iterable = _SpecialForm("Iterable")
Iterator = _SpecialForm("Iterator")
Generator = _SpecialForm("Generator")
Sequence = _SpecialForm("Sequence")
MutableSequence = _SpecialForm("MutableSequence")
Mapping = _SpecialForm("Mapping")
MutableMapping = _SpecialForm("MutableMapping")
Hashable = _SpecialForm("Hashable")
Sized = _SpecialForm("Sized")
DefaultDict = _SpecialForm("DefaultDict")
Deque = _SpecialForm("Deque")
Counter = _SpecialForm("Counter")
OrderedDict = _SpecialForm("OrderedDict")


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return "~" + self.__name__


class _GenericMeta(type):
    # Generic[T] and Stack[int] are the classes themselves (nothing is checked); a metaclass
    # provides the subscription.
    def __getitem__(cls, params):
        return cls


class Generic(metaclass=_GenericMeta):
    pass


class Protocol(Generic):
    pass


class _NamedTupleMeta(type):
    """`class P(NamedTuple): x: int; y: int = 0` makes collections.namedtuple("P", ["x", "y"],
    defaults=[0]) and copies the body's other attributes (methods) onto it."""

    def __new__(mcls, typename, bases, namespace):
        if namespace.get("_is_named_tuple_root"):
            return super().__new__(mcls, typename, bases, namespace)
        from collections import namedtuple
        annotations = namespace.get("__annotations__", {})
        fields = list(annotations)
        defaults = []
        for name in fields:
            if name in namespace:
                defaults.append(namespace[name])
            elif defaults:
                default_names = ", ".join(n for n in fields if n in namespace)
                raise TypeError(f"Non-default namedtuple field {name} cannot follow default field"
                                f"{'s' if len(defaults) > 1 else ''} {default_names}")
        result = namedtuple(typename, fields, defaults=defaults,
                            module=namespace.get("__module__", "__main__"))
        result.__annotations__ = dict(annotations)
        for key, value in namespace.items():
            if key in fields or key in ("__annotations__", "__module__", "__qualname__", "__doc__"):
                continue
            if key in ("__new__", "__init__", "__slots__", "__getnewargs__", "_make", "_fields",
                       "_field_defaults", "_replace", "_asdict"):
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            setattr(result, key, value)
        return result


class NamedTuple(metaclass=_NamedTupleMeta):
    _is_named_tuple_root = True

    def __new__(cls, typename, fields=None, /, **kwargs):
        from collections import namedtuple
        if fields is None:
            fields = list(kwargs.items())
        return namedtuple(typename, [name for name, _ in fields])


class _TypedDictMeta(type):
    """`class Movie(TypedDict): name: str`: calling Movie(...) makes a plain dict."""

    def __new__(mcls, name, bases, namespace, total=True):
        if namespace.get("_is_typed_dict_root"):
            return super().__new__(mcls, name, bases, namespace)
        annotations = {}
        for base in bases:
            annotations.update(getattr(base, "__annotations__", {}))
        annotations.update(namespace.get("__annotations__", {}))
        body = {"__annotations__": annotations, "__module__": namespace.get("__module__", "__main__")}
        return super().__new__(mcls, name, (_TypedDictBase,), body)


class _TypedDictBase:
    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


class TypedDict(metaclass=_TypedDictMeta):
    _is_typed_dict_root = True


def cast(typ, value):
    return value


def overload(func):
    return func


def final(func):
    return func


def no_type_check(func):
    return func


def get_type_hints(obj):
    return dict(getattr(obj, "__annotations__", {}))


AnyStr = TypeVar("AnyStr", str)
