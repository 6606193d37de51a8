# Equal numbers are equal dict keys and set members whatever their type.
d = {1: "int one"}
d[1.0] = "float one"
d[True] = "bool one"
print(d, len(d))
d2 = {0: "zero", 0.0: "float zero", False: "false", -0.0: "neg zero"}
print(d2)
s = {1, 1.0, True, 2, 2.0}
print(len(s), sorted(s))
print(1 in {1.0: 'x'}, 2.0 in {2: 'y'}, True in [1], 0 in [False])
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0))
print([1, 2.0, 3] == [1.0, 2, 3.0], (1,) == (True,), {1: 2} == {1.0: 2.0})
print(list({5: "a", 5.0: "b"}.items()))
counts = {}
for v in [1, 1.0, True, 2, 2.5, 2.5, 0, False, 0.0]:
    counts[v] = counts.get(v, 0) + 1
print(counts)
print(0.5 == 1 / 2, 10 ** 20 == 1e20, 10 ** 30 == 1e30, 2 ** 100 == 2.0 ** 100)
print({2 ** 100: "big"}.get(2.0 ** 100), {0.5: 1}.get(1 / 2))
one = 1
print(one is not True, type(one) is type(1.0), isinstance(True, int))
