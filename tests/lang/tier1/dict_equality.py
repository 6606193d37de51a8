# Dict equality ignores order; values compared with ==; nested structures.
a = {"x": 1, "y": [1, 2]}
b = {"y": [1, 2], "x": 1}
print(a == b, a != b, a is b, list(a) == list(b))
print({1: 1} == {1: 1.0}, {1: 1} == {1.0: True}, {} == {}, {1: None} == {2: None})
print({"k": {"n": [1]}} == {"k": {"n": [1]}}, {"k": {"n": [1]}} == {"k": {"n": [2]}})
print({1: 2} == [(1, 2)], dict([(1, 2)]) == {1: 2}, {1: 2}.items() == {(1, 2)})
c = dict(a)
c["y"] = list(c["y"])
c["y"].append(3)
print(a, c, a == c)
print(a.keys() == b.keys(), list(a.values()) == list(b.values()))
