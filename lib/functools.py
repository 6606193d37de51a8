"""functools for Stitch: higher-order helpers (reduce, partial, wraps, caches, total_ordering)."""

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)

_missing = object()


def reduce(function, iterable, initial=_missing):
    iterator = iter(iterable)
    if initial is _missing:
        try:
            value = next(iterator)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in iterator:
        value = function(value, element)
    return value


class partial:
    """A callable that calls `func` with some arguments already supplied."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        return f"functools.partial({', '.join(parts)})"


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        try:
            setattr(wrapper, name, value)
        except (AttributeError, TypeError):
            pass
    for name in updated:
        try:
            getattr(wrapper, name).update(getattr(wrapped, name, {}))
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorate(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorate


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return f"CacheInfo(hits={self[0]}, misses={self[1]}, maxsize={self[2]}, currsize={self[3]})"


class _LruCacheWrapper:
    """The function returned by lru_cache: results keyed by the call's arguments, oldest evicted.

    The cache is a dict whose insertion order is the recency order (a hit moves its key to the
    end). Not atomic across threads: like CPython, two threads may both compute a missing value.
    """

    def __init__(self, function, maxsize, typed):
        self.__wrapped__ = function
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = 0
        self._misses = 0
        update_wrapper(self, function)

    def _key(self, args, kwargs):
        key = args
        if kwargs:
            key = key + (_missing,) + tuple(kwargs.items())
        if self._typed:
            key = key + tuple(type(a) for a in args) + tuple(type(v) for v in kwargs.values())
        return key

    def __call__(self, *args, **kwargs):
        key = self._key(args, kwargs)
        cache = self._cache
        result = cache.get(key, _missing)
        if result is not _missing:
            self._hits += 1
            if self._maxsize is not None:
                try:
                    del cache[key]
                except KeyError:
                    pass
                cache[key] = result
            return result
        self._misses += 1
        result = self.__wrapped__(*args, **kwargs)
        if self._maxsize is None or self._maxsize > 0:
            cache[key] = result
            if self._maxsize is not None:
                while len(cache) > self._maxsize:
                    try:
                        del cache[next(iter(cache))]
                    except (KeyError, StopIteration, RuntimeError):
                        break
        return result

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return partial(self, instance)

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache.clear()
        self._hits = 0
        self._misses = 0

    def cache_parameters(self):
        return {"maxsize": self._maxsize, "typed": self._typed}


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int) and not isinstance(maxsize, bool):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        return _LruCacheWrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(function):
        return _LruCacheWrapper(function, maxsize, typed)
    return decorating_function


def cache(function):
    return lru_cache(maxsize=None)(function)


def _derive(root, name):
    """The comparison `name` written in terms of the class's own `root` and ==, as CPython's."""
    def compare(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return NotImplemented
        if root in ("__lt__", "__gt__"):
            if name == _OPPOSITE_STRICT[root]:    # root <, want >
                return not result and self != other
            if name == _SAME_WEAK[root]:          # root <, want <=
                return result or self == other
            return not result                     # root <, want >=
        if name == _OPPOSITE_WEAK[root]:          # root <=, want >=
            return not result or self == other
        if name == _SAME_STRICT[root]:            # root <=, want <
            return result and self != other
        return not result                         # root <=, want >
    compare.__name__ = name
    return compare


_OPPOSITE_STRICT = {"__lt__": "__gt__", "__gt__": "__lt__"}
_SAME_WEAK = {"__lt__": "__le__", "__gt__": "__ge__"}
_OPPOSITE_WEAK = {"__le__": "__ge__", "__ge__": "__le__"}
_SAME_STRICT = {"__le__": "__lt__", "__ge__": "__gt__"}


def total_ordering(cls):
    """Fills in the missing rich comparisons from one of __lt__, __le__, __gt__, __ge__ and __eq__."""
    defined = [op for op in ("__lt__", "__le__", "__gt__", "__ge__")
               if any(op in klass.__dict__ for klass in cls.__mro__ if klass is not object)]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]
    for name in ("__lt__", "__le__", "__gt__", "__ge__"):
        if name not in defined:
            setattr(cls, name, _derive(root, name))
    return cls


def cmp_to_key(mycmp):
    """A key class whose instances compare by calling mycmp(a, b)."""
    class K:
        __slots__ = ("obj",)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K
