# len() of every sized builtin type.
print(len(""), len("abc"), len("日本語"), len("\n\t"), len("😀"))
print(len([]), len([1, [2, 3]]), len(()), len((1,)), len({}), len({"a": 1, "b": 2}))
print(len(set()), len({1, 2, 2}), len(frozenset("aabbc")), len(range(10)), len(range(5, 0, -2)))
print(len(range(0, 100, 7)), len(range(10 ** 12)), len({}.keys()), len({1: 2}.items()))
d = {i: i for i in range(50)}
print(len(d), len(d.values()), len(list(d)))
s = "x" * 1000
print(len(s), len(s * 3), len(s[::3]), len(s[10:20]))
nested = [[1, 2], [], [3, [4, 5, 6]]]
print(len(nested), [len(x) for x in nested], sum(len(x) for x in nested))
print(len(str(2 ** 1000)), len(bin(255)), len(repr("a")))
