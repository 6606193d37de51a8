"""enum for Stitch: Enum, IntEnum, StrEnum, IntFlag/Flag (basic), auto, unique.

EnumType (alias EnumMeta) is the metaclass: when a class body finishes, it turns every plain
attribute (not a descriptor, function or _sunder_/__dunder__ name) into a member -- an instance of
the new class with `_name_` and `_value_` -- and makes the class iterable, sized, subscriptable by
name, callable by value, and protected against reassigning members. A value seen before makes an
alias of the first member. Messages are CPython 3.11's.

Threads: members are created once, while the class statement runs; afterwards every lookup only
reads the class's maps.
"""

_auto_null = object()
Enum = None   # bound below; EnumType.__new__ checks it while creating Enum itself


class auto:
    """A member value chosen by _generate_next_value_ (1, 2, 3, ... for Enum)."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _function():
    pass


_DESCRIPTOR_TYPES = (type(_function), type(len), property, classmethod, staticmethod)


def _is_descriptor(value):
    if isinstance(value, _DESCRIPTOR_TYPES):
        return True
    kind = type(value)
    return hasattr(kind, "__get__") or hasattr(kind, "__set__") or hasattr(kind, "__delete__")


def _is_member_name(name, value, class_name):
    if _is_dunder(name) or _is_sunder(name):
        return False
    if name.startswith("_" + class_name.lstrip("_") + "__"):
        return False          # a private (mangled) name
    if isinstance(value, type):
        return True
    return not _is_descriptor(value)


def _data_type(bases):
    """The builtin (or plain) type that members also are: int for IntEnum, else object."""
    for base in bases:
        for klass in base.__mro__:
            if klass is object or isinstance(klass, EnumType):
                continue
            return klass
    return object


def _user_function(enum_class, data_type, name):
    """A Python function `name` defined by a class on enum_class's MRO other than this module's."""
    for klass in enum_class.__mro__:
        if klass is object or klass is data_type or klass.__dict__.get("__module__") == __name__:
            continue
        function = klass.__dict__.get(name)
        if function is not None and type(function) is type(_function):
            return function
    return None


class _member_property:
    """`name` and `value` of members: read-only, with CPython 3.11's messages (enum.property)."""

    def __init__(self, getter):
        self._getter = getter
        self._name = getter.__name__
        self._owner_name = None

    def __set_name__(self, owner, name):
        self._name = name
        self._owner_name = owner.__name__

    def __get__(self, instance, owner=None):
        if instance is None:
            try:
                return owner._member_map_[self._name]
            except KeyError:
                raise AttributeError(f"{owner!r} has no attribute {self._name!r}") from None
        return self._getter(instance)

    def __set__(self, instance, value):
        raise AttributeError(f"<enum {self._owner_name!r}> cannot set attribute {self._name!r}")

    def __delete__(self, instance):
        raise AttributeError(f"<enum {self._owner_name!r}> cannot delete attribute {self._name!r}")


class EnumType(type):
    def __new__(metacls, cls_name, bases, classdict, **kwds):
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f"<enum {cls_name!r}> cannot extend <enum {base.__name__!r}>")
        member_names = [name for name, value in classdict.items()
                        if _is_member_name(name, value, cls_name)]
        ignore = classdict.get("_ignore_", ())
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        member_names = [name for name in member_names if name not in ignore]
        body = {name: value for name, value in classdict.items()
                if name not in member_names and name != "_ignore_" and name not in ignore}
        body["_member_names_"] = []
        body["_member_map_"] = {}
        body["_value2member_map_"] = {}
        enum_class = super().__new__(metacls, cls_name, bases, body, **kwds)
        data_type = _data_type(bases)
        enum_class._member_type_ = data_type
        user_new = None
        if "__new__" in classdict:
            user_new = enum_class.__dict__["__new__"]
        user_init = _user_function(enum_class, data_type, "__init__")
        # repr() and friends come from the enum classes even when a data type (int) precedes
        # them on the MRO, as in CPython.
        for name in ("__repr__", "__str__", "__format__"):
            for klass in enum_class.__mro__:
                if isinstance(klass, EnumType):
                    if name in klass.__dict__:
                        break
                    continue
                if klass is not object and Enum is not None:
                    setattr(enum_class, name, Enum.__dict__[name])
                break

        last_values = []
        for name in member_names:
            value = classdict[name]
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                value = value.value
            last_values.append(value)
            args = value if isinstance(value, tuple) else (value,)
            if user_new is not None:
                member = user_new.__get__(None, enum_class)(enum_class, *args) \
                    if hasattr(user_new, "__get__") else user_new(enum_class, *args)
            elif data_type is object:
                member = object.__new__(enum_class)
            else:
                member = data_type.__new__(enum_class, *args)
            if "_value_" not in getattr(member, "__dict__", {}):
                if data_type is object or user_new is not None:
                    member._value_ = value
                else:
                    member._value_ = data_type(*args)
            member._name_ = name
            member.__objclass__ = enum_class
            if user_init is not None:
                user_init(member, *args)
            canonical = None
            try:
                canonical = enum_class._value2member_map_.get(member._value_)
            except TypeError:
                for existing in enum_class._member_map_.values():
                    if existing._value_ == member._value_:
                        canonical = existing
                        break
            if canonical is not None:
                member = canonical            # an alias
            else:
                enum_class._member_names_.append(name)
                try:
                    enum_class._value2member_map_[member._value_] = member
                except TypeError:
                    pass
            enum_class._member_map_[name] = member
            type.__setattr__(enum_class, name, member)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is None:
            return cls._lookup(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _lookup(cls, value):
        if isinstance(value, cls) and value._name_ in cls._member_map_:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError(f"error in {cls.__name__}._missing_: returned {result!r} instead of None "
                            f"or a valid member")
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        classdict = {}
        if isinstance(names, dict):
            classdict.update(names)
        else:
            names = list(names)
            for index, item in enumerate(names):
                if isinstance(item, str):
                    classdict[item] = start + index
                else:
                    classdict[item[0]] = item[1]
        enum_class = EnumType(class_name, bases, classdict)
        enum_class.__module__ = module if module is not None else "__main__"
        return enum_class

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': '{type(member).__qualname__}' "
                            f"and '{type(cls).__qualname__}'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"{cls.__name__!r} cannot delete member {name!r}.")
        super().__delattr__(name)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        value_repr = self._member_type_.__repr__ if self._member_type_ is not object else repr
        return f"<{type(self).__name__}.{self._name_}: {value_repr(self._value_)}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, protocol):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @_member_property
    def name(self):
        return self._name_

    @_member_property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    """An Enum whose str() and format() are its data type's (IntEnum, StrEnum)."""


class IntEnum(int, ReprEnum):
    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return format(int(self), format_spec)


class StrEnum(str, ReprEnum):
    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return format(str.__str__(self), format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values)
        return 1 << high.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        pseudo = object.__new__(cls) if cls._member_type_ is object else cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls if m._value_ and m._value_ & value == m._value_]
        pseudo._name_ = "|".join(names) if names else None
        return pseudo

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return (m for m in type(self) if m._value_ and m._value_ & self._value_ == m._value_)

    def __len__(self):
        return bin(self._value_).count("1")

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    def __repr__(self):
        value_repr = self._member_type_.__repr__ if self._member_type_ is not object else repr
        return f"<{type(self).__name__}.{self._name_}: {value_repr(self._value_)}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"


class IntFlag(int, ReprEnum, Flag):
    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return format(int(self), format_spec)


def unique(enumeration):
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items()
                  if name != member.name]
    if duplicates:
        details = ", ".join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {details}")
    return enumeration
