"""collections for Stitch: deque (native, from _collections), defaultdict, OrderedDict, Counter,
namedtuple.

deque is native because threads share deques and every deque operation must be atomic. The
others are dict and tuple subclasses written here: each of their operations is one or a few
atomic dict operations, and defaultdict inserts a missing key with setdefault, so two threads
missing the same key at once agree on one value.
"""

from _collections import deque

_KEYWORDS = frozenset((
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield"))


def _overrides_setitem(klass):
    for base in klass.__mro__:
        if base is defaultdict or base is dict:
            return False
        if "__setitem__" in base.__dict__:
            return True
    return False


class defaultdict(dict):
    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        super().__init__(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        if _overrides_setitem(type(self)):
            self[key] = value       # a subclass's __setitem__ sees the insertion, as in CPython
            return value
        # Otherwise one atomic operation: threads missing the same key agree on one value.
        return dict.setdefault(self, key, value)

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            factory_repr = "None"
        elif isinstance(factory, type):
            factory_repr = repr(factory)
        else:
            factory_repr = repr(factory)
        return f"{type(self).__name__}({factory_repr}, {dict.__repr__(self)})"

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return (type(self), (self.default_factory,), None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result


class OrderedDict(dict):
    """A dict whose order can be rearranged (move_to_end, popitem(last=False)) and whose equality
    with another OrderedDict is order-sensitive."""

    def __repr__(self):
        if not self:
            return f"{type(self).__name__}()"
        return f"{type(self).__name__}({list(self.items())!r})"

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    # The reordering methods use dict's own operations, never a subclass's overrides (an LRU
    # cache overriding __setitem__ to call move_to_end must not recurse), as CPython's C version.
    def popitem(self, last=True):
        if not dict.__len__(self):
            raise KeyError("dictionary is empty")
        if last:
            return dict.popitem(self)
        key = next(iter(dict.keys(self)))
        return key, dict.pop(self, key)

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def copy(self):
        return type(self)(self)

    def __reversed__(self):
        return reversed(list(self))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self)
        result.update(other)
        return result


class Counter(dict):
    """A dict of counts: missing keys count 0; most_common orders by count, ties by first seen."""

    def __init__(self, iterable=None, /, **kwargs):
        super().__init__()
        self.update(iterable, **kwargs)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ordered = sorted(self.items(), key=lambda item: item[1], reverse=True)
        return ordered if n is None else ordered[:n]

    def elements(self):
        for element, count in self.items():
            for _ in range(count):
                yield element

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwargs):
        if iterable is not None:
            if isinstance(iterable, dict):
                for element, count in iterable.items():
                    self[element] = self.get(element, 0) + count
            else:
                for element in iterable:
                    self[element] = self.get(element, 0) + 1
        if kwargs:
            self.update(kwargs)

    def subtract(self, iterable=None, /, **kwargs):
        if iterable is not None:
            if isinstance(iterable, dict):
                for element, count in iterable.items():
                    self[element] = self.get(element, 0) - count
            else:
                for element in iterable:
                    self[element] = self.get(element, 0) - 1
        if kwargs:
            self.subtract(kwargs)

    def copy(self):
        return type(self)(self)

    def __delitem__(self, element):
        if element in self:
            super().__delitem__(element)

    def __repr__(self):
        if not self:
            return f"{type(self).__name__}()"
        return f"{type(self).__name__}({dict(self.most_common())!r})"

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            total = count + other[element]
            if total > 0:
                result[element] = total
        for element, count in other.items():
            if element not in self and count > 0:
                result[element] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            difference = count - other[element]
            if difference > 0:
                result[element] = difference
        for element, count in other.items():
            if element not in self and count < 0:
                result[element] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            other_count = other[element]
            best = other_count if count < other_count else count
            if best > 0:
                result[element] = best
        for element, count in other.items():
            if element not in self and count > 0:
                result[element] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            other_count = other[element]
            least = count if count < other_count else other_count
            if least > 0:
                result[element] = least
        return result

    def __pos__(self):
        return Counter({k: v for k, v in self.items() if v > 0})

    def __neg__(self):
        return Counter({k: 0 - v for k, v in self.items() if v < 0})

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    __hash__ = None


class _tuplegetter:
    """The read-only field of a namedtuple: field `index` of the tuple."""
    __slots__ = ("index", "__doc__")

    def __init__(self, index, doc):
        self.index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self.index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return f"_tuplegetter({self.index}, {self.__doc__!r})"


def _join_names(names):
    quoted = [repr(name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _bind_fields(qualified, fields, defaults, args, kwargs):
    """The field values of a call Point(*args, **kwargs), with CPython's messages for a
    `def __new__(_cls, <fields>)` function named `qualified`."""
    count = len(fields)
    if len(args) > count:
        lowest = count - len(defaults)
        taking = f"from {lowest + 1} to {count + 1}" if defaults else f"{count + 1}"
        plural = "" if taking == "1" else "s"
        given = len(args) + 1
        raise TypeError(f"{qualified}() takes {taking} positional argument{plural} but {given} "
                        f"{'was' if given == 1 else 'were'} given")
    values = list(args)
    if kwargs:
        for name in kwargs:
            if name not in fields:
                raise TypeError(f"{qualified}() got an unexpected keyword argument '{name}'")
            if fields.index(name) < len(args):
                raise TypeError(f"{qualified}() got multiple values for argument '{name}'")
    missing = []
    first_default = count - len(defaults)
    for i in range(len(args), count):
        name = fields[i]
        if name in kwargs:
            values.append(kwargs[name])
        elif i >= first_default:
            values.append(defaults[i - first_default])
        else:
            missing.append(name)
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise TypeError(f"{qualified}() missing {len(missing)} required positional argument{plural}: "
                        f"{_join_names(missing)}")
    return values


def _caller_module():
    try:
        import sys
        return sys._getframe(2).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError, ImportError):
        return "__main__"


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = [str(name) for name in field_names]
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS or name.startswith("_")
                    or name in seen):
                field_names[index] = f"_{index}"
            seen.add(name)
    for name in [typename] + field_names:
        if not name.isidentifier():
            raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
        if name in _KEYWORDS:
            raise ValueError(f"Type names and field names cannot be a keyword: {name!r}")
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)

    fields = tuple(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
    else:
        defaults = ()
    qualified_new = f"{typename}.__new__"

    def __new__(_cls, *args, **kwargs):
        return tuple.__new__(_cls, _bind_fields(qualified_new, fields, defaults, args, kwargs))

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(fields):
            raise TypeError(f"Expected {len(fields)} arguments, got {len(result)}")
        return result

    def _replace(self, /, **kwargs):
        result = self._make([kwargs.pop(name, value) for name, value in zip(fields, self)])
        if kwargs:
            raise ValueError(f"Got unexpected field names: {list(kwargs)!r}")
        return result

    def __repr__(self):
        inner = ", ".join(f"{name}={value!r}" for name, value in zip(fields, self))
        return f"{type(self).__name__}({inner})"

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        "__doc__": f"{typename}({', '.join(fields)})",
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = _tuplegetter(index, f"Alias for field number {index}")
    result = type(typename, (tuple,), namespace)
    result.__module__ = module if module is not None else _caller_module()
    return result
