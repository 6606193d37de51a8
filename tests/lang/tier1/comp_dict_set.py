# Dict and set comprehensions side by side with equivalent loops.
data = [("a", 3), ("b", 1), ("a", 5), ("c", 2)]
latest = {k: v for k, v in data}
print(latest)
loop = {}
for k, v in data:
    loop[k] = v
print(loop == latest)
print({v for _, v in data}, {v % 2 for _, v in data})
print({k: [v for kk, v in data if kk == k] for k, _ in data})
inverted = {v: k for k, v in latest.items()}
print(inverted, sorted(inverted.items()))
print({n: n % 3 == 0 for n in range(7) if n % 2 == 0})
print(sorted({s.strip().lower() for s in [" A", "a ", "B", "b", " c "]}))
print({i: chr(97 + i) for i in range(5)}, {len(w): w for w in ["x", "yy", "zz"]})
