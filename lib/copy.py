"""copy for Stitch: shallow and deep copies of containers and class instances.

Both follow CPython's protocol: a class's __copy__ / __deepcopy__(memo) wins; immutable atoms are
returned as is; instances are rebuilt without calling __init__ (object.__new__ plus their
__dict__ and __slots__). deepcopy's memo maps id(original) -> copy, so shared and cyclic
structure is reproduced exactly.
"""


from _collections import deque as _deque


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, type, range, type(Ellipsis), type(NotImplemented),
           type(len), type(lambda: None), property)


def _is_atomic(x):
    for kind in _ATOMIC:
        if type(x) is kind:
            return True
    return isinstance(x, type)


def _instance_state(x):
    state = {}
    if hasattr(x, "__dict__"):
        state = x.__dict__
    slots = {}
    for klass in type(x).__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if hasattr(x, name):
                slots[name] = getattr(x, name)
    return state, slots


def _reconstruct(x, memo, deep):
    """A new instance of x's class without calling __init__: made from __getnewargs__ (tuple
    subclasses such as namedtuples) or bare __new__, then given x's attributes and, for list, dict
    and set subclasses, x's items (deep-copied when `deep`)."""
    klass = type(x)
    transform = (lambda value: deepcopy(value, memo)) if deep else (lambda value: value)
    if hasattr(x, "__getnewargs__"):
        args = x.__getnewargs__()
        if deep:
            args = deepcopy(args, memo)
        result = klass.__new__(klass, *args)
    else:
        result = klass.__new__(klass)
    if deep:
        memo[id(x)] = result
    state, slots = _instance_state(x)
    for name, value in state.items():
        setattr(result, name, transform(value))
    for name, value in slots.items():
        setattr(result, name, transform(value))
    if isinstance(x, list):
        list.extend(result, [transform(item) for item in x])
    elif isinstance(x, dict):
        for key, value in dict.items(x):
            dict.__setitem__(result, transform(key), transform(value))
    elif isinstance(x, set):
        set.update(result, [transform(item) for item in x])
    return result


def copy(x):
    klass = type(x)
    if _is_atomic(x):
        return x
    if klass is list:
        return list(x)
    if klass is dict:
        return dict(x)
    if klass is set:
        return set(x)
    if klass in (tuple, frozenset):
        return x
    hook = getattr(klass, "__copy__", None)
    if hook is not None:
        return hook(x)
    return _reconstruct(x, None, False)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _nil)
    if found is not _nil:
        return found
    klass = type(x)
    if _is_atomic(x):
        result = x
    elif klass is list:
        result = []
        memo[key] = result
        for item in x:
            result.append(deepcopy(item, memo))
    elif klass is dict:
        result = {}
        memo[key] = result
        for k, v in x.items():
            result[deepcopy(k, memo)] = deepcopy(v, memo)
    elif klass is set:
        result = {deepcopy(item, memo) for item in x}
    elif klass is frozenset:
        result = frozenset(deepcopy(item, memo) for item in x)
    elif klass is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple that contains itself was copied while its items were; use that copy.
        found = memo.get(key, _nil)
        if found is not _nil:
            return found
        result = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    else:
        hook = getattr(x, "__deepcopy__", None)
        if hook is not None:
            result = hook(memo)
        elif klass is _deque:
            result = _deque(maxlen=x.maxlen)
            memo[key] = result
            result.extend([deepcopy(item, memo) for item in x])
        else:
            result = _reconstruct(x, memo, True)
    if result is not x:
        memo[key] = result
        _keep_alive(x, memo)
    return result


def _keep_alive(x, memo):
    # The memo is keyed by id(): keep the originals alive so no id is reused during the copy.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
