# sorted() returns a new list from any iterable; reversed() works on sequences.
print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted({"b": 1, "a": 2}), sorted({3, 1, 2}))
print(sorted(range(5), reverse=True), sorted([], reverse=True), sorted(x % 4 for x in range(8)))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[2], [1, 5], [1]]))
print(sorted([-3, 1, -2, 4], key=abs, reverse=True), sorted(["ccc", "a", "bb"], key=len))
original = [5, 4, 3]
result = sorted(original)
print(original, result, result is original)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))))
print("".join(reversed("stressed")), list(reversed([])), list(reversed(range(10, 0, -3))))
r = reversed([1, 2])
print(next(r), next(r), next(r, "end"), list(reversed(list(reversed("ab")))))
print(sorted([0.5, -1, 3, True, 2.25]), sorted([1e10, 1e-10, 0]), sorted("Banana"))
