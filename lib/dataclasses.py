"""dataclasses for Stitch: @dataclass, field, fields, asdict, astuple, replace, is_dataclass.

The decorator reads the class's __annotations__ (in definition order, base dataclasses' fields
first) and adds __init__, __repr__, __eq__, the ordering methods, __hash__ and frozen __setattr__ as
CPython does. Without exec, the generated __init__ is one generic function per class that binds
its arguments the way CPython's generated signature would, with the same messages
("Point.__init__() missing 1 required positional argument: 'y'").
"""

__all__ = ["dataclass", "field", "Field", "fields", "asdict", "astuple", "replace", "is_dataclass",
           "FrozenInstanceError", "MISSING", "InitVar", "KW_ONLY"]


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class KW_ONLY:
    pass


class Field:
    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init", "compare",
                 "metadata", "kw_only")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only

    def __repr__(self):
        return (f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},"
                f"hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},_field_type=_FIELD)")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _join_names(names):
    quoted = [repr(name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _bind(qualified, positional, keyword_only, args, kwargs):
    """{field name: value} for a call with CPython's messages for a generated
    `def __init__(self, <positional>, *, <keyword_only>)`; fields are (name, Field) pairs."""
    if len(args) > len(positional):
        required = sum(1 for _, f in positional if not _has_default(f))
        total = len(positional)
        taking = f"from {required + 1} to {total + 1}" if required != total else f"{total + 1}"
        given = len(args) + 1
        plural = "" if taking == "1" else "s"
        raise TypeError(f"{qualified}() takes {taking} positional argument{plural} but {given} "
                        f"{'was' if given == 1 else 'were'} given")
    names = [name for name, _ in positional] + [name for name, _ in keyword_only]
    for name in kwargs:
        if name not in names:
            raise TypeError(f"{qualified}() got an unexpected keyword argument '{name}'")
    values = {}
    for (name, _), value in zip(positional, args):
        if name in kwargs:
            raise TypeError(f"{qualified}() got multiple values for argument '{name}'")
        values[name] = value
    missing = []
    for name, f in positional[len(args):]:
        if name in kwargs:
            values[name] = kwargs[name]
        elif not _has_default(f):
            missing.append(name)
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise TypeError(f"{qualified}() missing {len(missing)} required positional argument{plural}: "
                        f"{_join_names(missing)}")
    missing = []
    for name, f in keyword_only:
        if name in kwargs:
            values[name] = kwargs[name]
        elif not _has_default(f):
            missing.append(name)
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise TypeError(f"{qualified}() missing {len(missing)} required keyword-only argument{plural}: "
                        f"{_join_names(missing)}")
    return values


def _has_default(f):
    return f.default is not MISSING or f.default_factory is not MISSING


def _field_values(obj, which):
    return tuple(getattr(obj, f.name) for f in fields(obj) if which(f))


def _is_mutable_default(value):
    return type(value) in (list, dict, set)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    annotations = cls.__dict__.get("__annotations__", {})
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            all_fields[f.name] = f
    keyword_only_mode = kw_only
    for name, annotation in annotations.items():
        if annotation is KW_ONLY or annotation == "KW_ONLY":
            keyword_only_mode = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default, MISSING, True, True, None, True, None, MISSING)
        f.name = name
        f.type = annotation
        if f.kw_only is MISSING:
            f.kw_only = keyword_only_mode
        if f.default is not MISSING and _is_mutable_default(f.default):
            raise ValueError(f"mutable default {type(f.default)!r} for field {name} is not allowed: "
                             f"use default_factory")
        # Class attributes hold plain defaults; fields without one have none.
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        all_fields[name] = f
    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    field_list = list(all_fields.values())

    if init:
        init_fields = [f for f in field_list if f.init]
        positional = [(f.name, f) for f in init_fields if not f.kw_only]
        keyword_only = [(f.name, f) for f in init_fields if f.kw_only]
        seen_default = None
        for name, f in positional:
            if _has_default(f):
                seen_default = name
            elif seen_default is not None:
                raise TypeError(f"non-default argument {name!r} follows default argument")
        qualified = cls.__qualname__ + ".__init__"
        has_post_init = hasattr(cls, "__post_init__")

        def __init__(self, *args, **kwargs):
            values = _bind(qualified, positional, keyword_only, args, kwargs)
            for f in field_list:
                if f.init and f.name in values:
                    value = values[f.name]
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                elif f.default is not MISSING:
                    value = f.default
                else:
                    continue
                object.__setattr__(self, f.name, value)
            if has_post_init:
                self.__post_init__()
        __init__.__qualname__ = qualified
        cls.__init__ = __init__

    if repr and "__repr__" not in cls.__dict__:
        def __repr__(self):
            shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
            return f"{type(self).__qualname__}({shown})"
        cls.__repr__ = __repr__

    def key(obj):
        return _field_values(obj, lambda f: f.compare)

    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return key(self) == key(other)
            return NotImplemented
        cls.__eq__ = __eq__

    if order:
        def make(name, compare):
            def method(self, other):
                if other.__class__ is self.__class__:
                    return compare(key(self), key(other))
                return NotImplemented
            method.__name__ = name
            return method
        for name, compare in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                              ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            if name in cls.__dict__:
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. "
                                f"Consider using functools.total_ordering")
            setattr(cls, name, make(name, compare))

    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in cls.__dataclass_fields__:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in cls.__dataclass_fields__:
                raise FrozenInstanceError(f"cannot delete field {name!r}")
            super(cls, self).__delattr__(name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    has_own_hash = "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is not None
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(_field_values(self, lambda f: f.compare if f.hash is None else f.hash))
        cls.__hash__ = __hash__
    elif eq and not has_own_hash:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in field_list if f.init and not f.kw_only)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(found.values())


def is_dataclass(obj):
    klass = obj if isinstance(obj, type) else type(obj)
    return hasattr(klass, "__dataclass_fields__")


def _convert(value, factory, container):
    if is_dataclass(value) and not isinstance(value, type):
        items = [(f.name, _convert(getattr(value, f.name), factory, container)) for f in fields(value)]
        return factory(items) if container == "dict" else factory(v for _, v in items)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*[_convert(v, factory, container) for v in value])
    if isinstance(value, (list, tuple)):
        return type(value)(_convert(v, factory, container) for v in value)
    if isinstance(value, dict):
        return type(value)((_convert(k, factory, container), _convert(v, factory, container))
                           for k, v in value.items())
    import copy
    return copy.deepcopy(value)


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, dict_factory, "dict")


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return _convert(obj, tuple_factory, "tuple")


def replace(obj, /, **changes):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("replace() should be called on dataclass instances")
    for f in fields(obj):
        if not f.init and f.name in changes:
            raise ValueError(f"field {f.name} is declared with init=False, it cannot be specified "
                             f"with replace()")
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
