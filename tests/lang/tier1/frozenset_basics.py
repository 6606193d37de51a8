# frozenset: immutable, hashable, usable as dict keys and set members.
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, type(f))
print(frozenset(), frozenset("aa") == frozenset({"a"}), frozenset(range(3)))
print(f | {4}, f & {1, 5}, f - {1}, f ^ {1, 4}, type(f | {4}).__name__, type({4} | f).__name__)
print(f.union([7]), f.intersection([1]), f.issubset(range(5)), f.isdisjoint([9]), f.copy() == f)
d = {f: "frozen", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()], len(d))
nested = {frozenset({1}), frozenset({1, 2}), frozenset({1})}
print(len(nested), frozenset({1}) in nested, sorted(len(x) for x in nested))
print(f == {1, 2, 3}, {1, 2, 3} == f, f <= {1, 2, 3, 4}, hash(f) == hash(frozenset([1, 2, 3])))
graph_edges = {frozenset((1, 2)), frozenset((2, 1)), frozenset((2, 3))}
print(len(graph_edges), sorted(sorted(e) for e in graph_edges))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
