# Keys of different hashable types: int, str, tuple, bool, None, float, frozenset.
d = {1: "int", "1": "str", (1,): "tuple", None: "none", 2.5: "float", (1, (2, 3)): "nested",
     frozenset({1}): "frozen", -1: "neg", 2 ** 70: "big"}
print(d)
print(d[1], d["1"], d[(1,)], d[None], d[2.5], d[1, (2, 3)], d[frozenset([1])], d[-1], d[2 ** 70])
d[True] = "bool replaces int"
d[1.0] = "float replaces too"
print(d[1], len(d), list(d)[0])
print([type(k).__name__ for k in d])
grid = {}
for x in range(3):
    for y in range(2):
        grid[x, y] = x * 10 + y
print(grid, grid[2, 1], (5, 5) in grid)
print(sorted(grid), sorted(grid.values(), reverse=True))
lookup = {"": 0, " ": 1, "a": 2, "A": 3}
print(lookup[""], lookup["A"], len(lookup))
print({0: "a", 0.0: "b", False: "c"}, {(): 1, (0,): 2, ((),): 3})
