# collections.defaultdict with list, int, set and custom factories.
from collections import defaultdict

words = "the quick brown fox jumps over the lazy dog the end".split()
by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)
print(dict(sorted(by_letter.items())))
counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(counts["missing"], "missing" in counts, len(counts))
print(counts.get("nope"), "nope" in counts)
graph = defaultdict(set)
for a, b in [(1, 2), (1, 3), (2, 3), (3, 1)]:
    graph[a].add(b)
    graph[b].add(a)
print({k: sorted(v) for k, v in sorted(graph.items())})
d = defaultdict(lambda: "unknown")
d["x"] = "known"
print(d["x"], d["y"], sorted(d))
tree = lambda: defaultdict(tree)
root = tree()
root["a"]["b"]["c"] = 1
print(root["a"]["b"]["c"], list(root["a"]))
dd = defaultdict(int, {"a": 5})
print(repr(dd), dd.default_factory.__name__)
plain = defaultdict()
try:
    plain["k"]
except KeyError as e:
    print("KeyError", e)
