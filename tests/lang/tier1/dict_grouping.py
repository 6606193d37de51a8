# Typical grouping/counting/indexing patterns with dicts.
words = "the cat and the hat sat on the mat and the cat ran".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
by_length = {}
for w in words:
    by_length.setdefault(len(w), []).append(w)
print(by_length)
first_index = {}
for i, w in enumerate(words):
    if w not in first_index:
        first_index[w] = i
print(first_index)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
inverse = {}
for w, n in freq.items():
    inverse.setdefault(n, []).append(w)
print({n: sorted(ws) for n, ws in sorted(inverse.items())})
students = [("ann", "math", 90), ("bob", "math", 75), ("ann", "art", 82), ("cid", "art", 88)]
table = {}
for name, subject, score in students:
    table.setdefault(name, {})[subject] = score
print(table)
print({name: sum(s.values()) / len(s) for name, s in table.items()})
