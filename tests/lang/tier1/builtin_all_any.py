# all/any return bools, short-circuit, and handle empty iterables.
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0]), any([0, "x"]))
print(all("abc"), any(""), all([[]]), any([[], [0]]), all(x > 0 for x in [1, 2, -1]))
print(type(any([5])).__name__, any([5]), all([5, "x"]))
log = []
def check(x):
    log.append(x)
    return x > 2
print(any(check(x) for x in [1, 3, 5, 7]), log)
log.clear()
print(all(check(x) for x in [3, 4, 1, 9]), log)
grid = [[1, 2], [3, 0], [5, 6]]
print(all(all(row) for row in grid), any(0 in row for row in grid), [all(r) for r in grid])
words = ["Apple", "Banana", "cherry"]
print(all(w[0].isupper() for w in words), any(w.startswith("B") for w in words))
print(all(isinstance(x, int) for x in [1, True, 2 ** 70]), any(x is None for x in [0, False]))
