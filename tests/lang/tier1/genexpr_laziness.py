# Generator expressions are lazy, single-pass, and stop consuming when a consumer stops.
def source(n):
    out = []
    for i in range(n):
        out.append(i)
    return out
def noisy(x):
    print("produce", x)
    return x
g = (noisy(x) for x in source(5))
print("generator created")
print("first", next(g))
print("any >= 2:", any(v >= 2 for v in g))
print("rest", list(g))
h = (noisy(x) for x in range(4))
print(all(v < 1 for v in h))
print(list(h))
items = [1, 2, 3]
lazy = (x * 2 for x in items)
items.append(4)
print(list(lazy))
early = (x for x in [10, 20])
items2 = early
print(next(items2), next(early), next(early, None))
squares = (n * n for n in range(1, 100))
for sq in squares:
    if sq > 30:
        print("first square above 30:", sq)
        break
print("next after break:", next(squares))
