# keys/values/items views are live, support len/in/iteration and set operations.
d = {1: "one", 2: "two", 3: "three"}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d[4] = "four"
del d[1]
print(list(k), list(v), list(it), len(k), len(v), len(it))
print(2 in k, "two" in v, (2, "two") in it, (2, "x") in it, 9 in k)
print(k & {2, 3, 7}, k | {0}, k - {2}, k ^ {3, 5}, {1, 2} & k)
print(it & {(2, "two"), (7, "x")}, sorted(k), sorted(v), reversed(d) is not None)
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())))
print(k == {2, 3, 4}, k != {2}, k <= {2, 3, 4, 5}, k.isdisjoint({8, 9}))
for key, value in d.items():
    print(key, value)
print(sorted(d.items(), key=lambda item: item[1]))
print(sum(d.keys()), max(d.values()), min(d.items()))
e = {}
print(list(e.keys()), list(e.items()), e.keys() == set())
