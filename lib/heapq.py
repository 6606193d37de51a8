"""heapq for Stitch: binary min-heaps kept in plain lists (heap[k] <= heap[2k+1], heap[2k+2]).

Each function does several list operations, so a heap shared by threads needs the program's own
lock (CPython's free-threaded heapq locks the list; here the list's per-operation atomicity keeps
the list itself intact, but not the heap invariant).
"""


def _sift_toward_root(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_toward_leaves(heap, pos):
    # CPython's strategy: move the smaller child up until a leaf, then sift the item back up.
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, start, pos)


def _require_list(heap):
    if not isinstance(heap, list):
        raise TypeError("heap argument must be a list")


def heappush(heap, item):
    _require_list(heap)
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    _require_list(heap)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        result = heap[0]
        heap[0] = last
        _sift_toward_leaves(heap, 0)
        return result
    return last


def heapreplace(heap, item):
    _require_list(heap)
    if not heap:
        raise IndexError("index out of range")
    result = heap[0]
    heap[0] = item
    _sift_toward_leaves(heap, 0)
    return result


def heappushpop(heap, item):
    _require_list(heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_toward_leaves(heap, 0)
    return item


def heapify(heap):
    _require_list(heap)
    for i in reversed(range(len(heap) // 2)):
        _sift_toward_leaves(heap, i)


def merge(*iterables, key=None, reverse=False):
    """Lazily merges sorted inputs; equal items come out in input order (stable)."""
    entries = []
    direction = -1 if reverse else 1
    for order, iterable in enumerate(iterables):
        iterator = iter(iterable)
        for value in iterator:
            entries.append(_MergeEntry(value if key is None else key(value), order, value, iterator, direction))
            break
    heapify(entries)
    while entries:
        entry = entries[0]
        yield entry.value
        for value in entry.iterator:
            entry.value = value
            entry.key = value if key is None else key(value)
            heapreplace(entries, entry)
            break
        else:
            heappop(entries)


class _MergeEntry:
    __slots__ = ("key", "order", "value", "iterator", "direction")

    def __init__(self, key, order, value, iterator, direction):
        self.key = key
        self.order = order
        self.value = value
        self.iterator = iterator
        self.direction = direction

    def __lt__(self, other):
        if self.key == other.key or not (self.key < other.key or other.key < self.key):
            return self.order < other.order
        if self.direction > 0:
            return self.key < other.key
        return other.key < self.key


def nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
