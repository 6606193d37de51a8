"""array for Stitch: typed arrays of numbers (and of characters, 'u').

An array keeps its items in a list, converting each stored value the way CPython's C array does:
integers are range-checked for their C type (with CPython's exact OverflowError wording), 'f'
values are rounded to float32, 'd' values are floats. This is Python rather than native because
every operation maps onto one list operation plus a conversion; an array shared by threads keeps
its list intact (list operations are atomic) but compound operations need the program's own lock.
"""

import math as _math

typecodes = "bBuhHiIlLqQfd"

_ITEMSIZE = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8,
             "q": 8, "Q": 8, "f": 4, "d": 8}

# typecode -> (minimum, maximum, message when too large, message when too small), for values that
# fit in a C long; wider values get CPython's converter messages from _LONG_ERRORS.
_INT_RANGES = {
    "b": (-128, 127, "signed char is greater than maximum", "signed char is less than minimum"),
    "B": (0, 255, "unsigned byte integer is greater than maximum", "unsigned byte integer is less than minimum"),
    "h": (-32768, 32767, "signed short integer is greater than maximum", "signed short integer is less than minimum"),
    "H": (0, 65535, "unsigned short is greater than maximum", "unsigned short is less than minimum"),
    "i": (-2**31, 2**31 - 1, "signed integer is greater than maximum", "signed integer is less than minimum"),
    "I": (0, 2**32 - 1, "unsigned int is greater than maximum", "can't convert negative value to unsigned int"),
    "l": (-2**63, 2**63 - 1, "Python int too large to convert to C long", "Python int too large to convert to C long"),
    "L": (0, 2**64 - 1, "Python int too large to convert to C unsigned long", "can't convert negative value to unsigned int"),
    "q": (-2**63, 2**63 - 1, "int too big to convert", "int too big to convert"),
    "Q": (0, 2**64 - 1, "int too big to convert", "can't convert negative int to unsigned"),
}
_C_LONG_MIN = -2**63
_C_LONG_MAX = 2**63 - 1
_FLOAT32_MAX = 3.4028234663852886e38


def _to_float32(value):
    """The float nearest to `value` that a C float holds (round half to even), as CPython stores 'f'."""
    if value != value or value == 0.0 or value in (_math.inf, -_math.inf):
        return value
    mantissa, exponent = _math.frexp(value)
    bits = 24 if exponent >= -125 else 24 - (-125 - exponent)   # subnormals keep fewer bits
    if bits <= 0:
        return 0.0 if value > 0 else -0.0
    result = _math.ldexp(round(_math.ldexp(mantissa, bits)), exponent - bits)
    if result > _FLOAT32_MAX:
        return _math.inf
    if result < -_FLOAT32_MAX:
        return -_math.inf
    return result


def _convert(typecode, value):
    if typecode in "fd":
        if isinstance(value, float):
            number = value
        elif isinstance(value, int):
            number = float(value)
        else:
            try:
                number = value.__float__()
            except AttributeError:
                raise TypeError(f"must be real number, not {type(value).__name__}") from None
        return _to_float32(number) if typecode == "f" else number
    if typecode == "u":
        if not isinstance(value, str) or len(value) != 1:
            raise TypeError("array item must be unicode character")
        return value
    if not isinstance(value, int):
        try:
            value = value.__index__()
        except AttributeError:
            raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer") from None
    value = int(value)
    low, high, too_large, too_small = _INT_RANGES[typecode]
    if typecode in "bBhHi" and not _C_LONG_MIN <= value <= _C_LONG_MAX:
        raise OverflowError("Python int too large to convert to C long")
    if typecode == "I" and value > 2**64 - 1:
        raise OverflowError("Python int too large to convert to C unsigned long")
    if value > high:
        raise OverflowError(too_large)
    if value < low:
        raise OverflowError(too_small)
    return value


class array:
    def __init__(self, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError(f"array() argument 1 must be a unicode character, not {type(typecode).__name__}")
        if typecode not in _ITEMSIZE:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._typecode = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, array):
            if typecode == "u" and initializer._typecode != "u":
                raise TypeError("cannot use a unicode array to initialize an array with typecode 'u'")
            self._items = [_convert(typecode, v) for v in initializer._items]
        elif isinstance(initializer, str):
            if typecode != "u":
                raise TypeError(f"cannot use a str to initialize an array with typecode '{typecode}'")
            self._items = list(initializer)
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _ITEMSIZE[self._typecode]

    def _same_kind(self, other):
        return isinstance(other, array) and other._typecode == self._typecode

    def _make(self, items):
        result = array(self._typecode)
        result._items = items
        return result

    # ---- mutation ----

    def append(self, value):
        self._items.append(_convert(self._typecode, value))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._typecode != self._typecode:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
            return
        converted = [_convert(self._typecode, v) for v in iterable]
        self._items.extend(converted)

    def fromlist(self, values):
        if not isinstance(values, list):
            raise TypeError("arg must be list")
        self._items.extend([_convert(self._typecode, v) for v in values])

    def fromunicode(self, text):
        if self._typecode != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(text)

    def insert(self, index, value):
        if not isinstance(index, int):
            raise TypeError(f"'{type(index).__name__}' object cannot be interpreted as an integer")
        self._items.insert(index, _convert(self._typecode, value))

    def pop(self, index=-1):
        if not self._items:
            raise IndexError("pop from empty array")
        try:
            return self._items.pop(index)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, value):
        for i, item in enumerate(self._items):
            if item == value:
                del self._items[i]
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, value, start=0, stop=None):
        size = len(self._items)
        stop = size if stop is None else stop
        start = max(start + size, 0) if start < 0 else start
        stop = max(stop + size, 0) if stop < 0 else min(stop, size)
        for i in range(start, stop):
            if self._items[i] == value:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, value):
        return sum(1 for item in self._items if item == value)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def tounicode(self):
        if self._typecode != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self._items)

    def buffer_info(self):
        return (id(self), len(self._items))

    # ---- sequence protocol ----

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __reversed__(self):
        return reversed(list(self._items))

    def __contains__(self, value):
        return value in self._items

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._make(self._items[index])
        try:
            return self._items[index]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError(f"can only assign array (not \"{type(value).__name__}\") to array slice")
            if value._typecode != self._typecode:
                raise TypeError("bad argument type for built-in operation")
            self._items[index] = value._items
            return
        converted = _convert(self._typecode, value)
        try:
            self._items[index] = converted
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, index):
        try:
            del self._items[index]
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError(f"can only append array (not \"{type(other).__name__}\") to array")
        if other._typecode != self._typecode:
            raise TypeError("bad argument type for built-in operation")
        return self._make(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError(f"can only extend array with array (not \"{type(other).__name__}\")")
        self.extend(other)
        return self

    def __mul__(self, count):
        if not isinstance(count, int):
            raise TypeError(f"can't multiply sequence by non-int of type '{type(count).__name__}'")
        return self._make(self._items * count)

    __rmul__ = __mul__

    def __imul__(self, count):
        if not isinstance(count, int):
            raise TypeError(f"can't multiply sequence by non-int of type '{type(count).__name__}'")
        self._items *= count
        return self

    def _compare(self, other):
        if not isinstance(other, array):
            return None
        return self._items, other._items

    def __eq__(self, other):
        pair = self._compare(other)
        return NotImplemented if pair is None else pair[0] == pair[1]

    def __ne__(self, other):
        pair = self._compare(other)
        return NotImplemented if pair is None else pair[0] != pair[1]

    def __lt__(self, other):
        pair = self._compare(other)
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other):
        pair = self._compare(other)
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other):
        pair = self._compare(other)
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other):
        pair = self._compare(other)
        return NotImplemented if pair is None else pair[0] >= pair[1]

    __hash__ = None

    def __copy__(self):
        return self._make(list(self._items))

    def __deepcopy__(self, memo):
        return self._make(list(self._items))

    def __repr__(self):
        if not self._items:
            return f"array('{self._typecode}')"
        if self._typecode == "u":
            return f"array('u', {''.join(self._items)!r})"
        return f"array('{self._typecode}', {self._items!r})"


ArrayType = array
