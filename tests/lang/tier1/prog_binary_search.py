# Binary search (iterative and recursive), lower/upper bounds, on sorted data.
def search(items, target):
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
def search_rec(items, target, lo=0, hi=None):
    if hi is None:
        hi = len(items)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if items[mid] == target:
        return mid
    return search_rec(items, target, mid + 1, hi) if items[mid] < target else search_rec(items, target, lo, mid)
def lower_bound(items, target):
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo
data = [x * 3 for x in range(30)]
for t in [0, 3, 45, 87, 88, -1, 100]:
    print(t, search(data, t), search_rec(data, t), lower_bound(data, t))
dups = [1, 2, 2, 2, 3, 5, 5, 8]
print([lower_bound(dups, t) for t in range(10)])
words = sorted("pear apple fig kiwi banana cherry".split())
print(words, [search(words, w) for w in ["fig", "kiwi", "mango"]])
def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
print([isqrt(n) for n in [0, 1, 15, 16, 17, 10 ** 20, 2 ** 101]])
