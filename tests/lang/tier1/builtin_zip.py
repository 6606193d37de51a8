# zip stops at the shortest input; zip(*rows) transposes.
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])))
print(list(zip(range(3), range(10, 13), range(20, 30))))
rows = [(1, 2, 3), (4, 5, 6)]
print(list(zip(*rows)), [list(c) for c in zip(*rows)])
print(dict(zip("abc", range(3))), list(zip(*zip("ab", "cd"))))
names, ages = ["ann", "bob"], [31, 42]
for name, age in zip(names, ages):
    print(name, age)
z = zip("xy", [1, 2])
print(next(z), list(z), list(z))
a = [1, 2, 3, 4]
print(list(zip(a, a[1:])), [y - x for x, y in zip(a, a[1:])], list(zip(a[::2], a[1::2])))
it = iter(range(6))
print(list(zip(it, it)))
print(sum(x * y for x, y in zip([1, 2, 3], [4, 5, 6])), type(zip()).__name__)
