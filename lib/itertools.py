"""itertools for Stitch: lazy iterator building blocks.

The iterators that programs print the type of (chain, count, islice, ...) are classes with
CPython's names; the combinatoric ones are generators over tuples of the pooled input. None of
these iterators is safe to advance from two threads at once (neither are CPython's).
"""


class chain:
    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterables):
        result = cls()
        result._sources = iter(iterables)
        return result

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                self._active = iter(next(self._sources))
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


class count:
    def __init__(self, start=0, step=1):
        for value in (start, step):
            if not isinstance(value, (int, float)):
                raise TypeError("a number is required")
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        if self._step == 1 and not isinstance(self._step, float):
            return f"count({self._next!r})"
        return f"count({self._next!r}, {self._step!r})"


def _islice_index(value, what):
    if value is None:
        return None
    if isinstance(value, int):
        index = int(value)
    else:
        try:
            index = value.__index__()
        except AttributeError:
            index = None
    if index is None or index < 0:
        raise ValueError(f"{what} argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    return index


class islice:
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
        elif not args:
            raise TypeError("islice expected at least 2 arguments, got 1")
        else:
            raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
        self._stop = _islice_index(stop, "Stop")
        start = _islice_index(start, "Indices") if start is not None else 0
        if step is None:
            step = 1
        else:
            step = _islice_index(step, "Step")
            if step == 0:
                raise ValueError("Step for islice() must be a positive integer or None.")
        self._iterator = iter(iterable)
        self._next_index = start      # the next position of the source to yield
        self._position = 0            # how many items were taken from the source
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        iterator = self._iterator
        if iterator is None:
            raise StopIteration
        if self._stop is not None and self._next_index >= self._stop:
            # Consume up to stop, as CPython does, then finish.
            while self._position < self._stop:
                self._position += 1
                try:
                    next(iterator)
                except StopIteration:
                    break
            self._iterator = None
            raise StopIteration
        while self._position < self._next_index:
            self._position += 1
            try:
                next(iterator)
            except StopIteration:
                self._iterator = None
                raise
        try:
            item = next(iterator)
        except StopIteration:
            self._iterator = None
            raise
        self._position += 1
        self._next_index += self._step
        return item


class repeat:
    def __init__(self, object, times=None):
        self._object = object
        self._times = None if times is None else max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is not None:
            if self._times <= 0:
                raise StopIteration
            self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return f"repeat({self._object!r})"
        return f"repeat({self._object!r}, {self._times})"


class cycle:
    def __init__(self, iterable):
        self._iterator = iter(iterable)
        self._saved = []
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._iterator is not None:
            try:
                item = next(self._iterator)
                self._saved.append(item)
                return item
            except StopIteration:
                self._iterator = None
        if not self._saved:
            raise StopIteration
        item = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return item


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _accumulate(iterator, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(iterator)
        except StopIteration:
            return
    yield total
    for element in iterator:
        total = total + element if func is None else func(total, element)
        yield total


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def dropwhile(predicate, iterable):
    iterator = iter(iterable)
    for x in iterator:
        if not predicate(x):
            yield x
            break
    for x in iterator:
        yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if not predicate(x):
            break
        yield x


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def pairwise(iterable):
    iterator = iter(iterable)
    try:
        previous = next(iterator)
    except StopIteration:
        return
    for item in iterator:
        yield previous, item
        previous = item


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(iterable) for iterable in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, iterator in enumerate(iterators):
            if iterator is None:
                values.append(fillvalue)
                continue
            try:
                values.append(next(iterator))
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = None
                values.append(fillvalue)
        yield tuple(values)


# The combinatoric iterators read their arguments when called (errors surface there, as in
# CPython) and produce results from generators.
def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    return _product([tuple(pool) for pool in iterables] * repeat)


def _product(pools):
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    for prod in result:
        yield prod


def permutations(iterable, r=None):
    pool = tuple(iterable)
    r = len(pool) if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    return _permutations(pool, r)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations_with_replacement(pool, r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def groupby(iterable, key=None):
    """Consecutive runs of equal keys: (key, run) pairs; a run is valid until the next pair."""
    iterator = iter(iterable)
    keyfunc = (lambda x: x) if key is None else key
    try:
        current = next(iterator)
    except StopIteration:
        return
    current_key = keyfunc(current)
    state = [current, current_key, False]   # pending item, its key, source exhausted

    def run(target_key):
        while True:
            if state[2] or state[1] != target_key:
                return
            yield state[0]
            try:
                state[0] = next(iterator)
            except StopIteration:
                state[2] = True
                return
            state[1] = keyfunc(state[0])

    while not state[2]:
        target = state[1]
        yield target, run(target)
        while not state[2] and state[1] == target:
            try:
                state[0] = next(iterator)
            except StopIteration:
                state[2] = True
                break
            state[1] = keyfunc(state[0])


def tee(iterable, n=2):
    iterator = iter(iterable)
    buffers = [[] for _ in range(n)]

    def branch(buffer):
        while True:
            if not buffer:
                try:
                    value = next(iterator)
                except StopIteration:
                    return
                for other in buffers:
                    other.append(value)
            yield buffer.pop(0)
    return tuple(branch(buffer) for buffer in buffers)
