# Attribute assignment and augmented assignment on function objects (no classes needed).
def counter():
    counter.calls += 1
    return counter.calls
counter.calls = 0
for _ in range(3):
    counter()
print(counter.calls)
counter.calls += 10
counter.calls *= 2
print(counter.calls)
counter.label = "tally"
counter.label += "!"
print(counter.label, counter.__name__)
print(hasattr(counter, "calls"), hasattr(counter, "missing"))
print(getattr(counter, "calls"), getattr(counter, "missing", "fallback"))
setattr(counter, "extra", [1])
counter.extra += [2]
counter.extra.append(3)
print(counter.extra, getattr(counter, "extra") is counter.extra)
def memo(n):
    if n in memo.cache:
        return memo.cache[n]
    result = n if n < 2 else memo(n - 1) + memo(n - 2)
    memo.cache[n] = result
    return result
memo.cache = {}
print(memo(80), len(memo.cache))
del counter.extra
print(hasattr(counter, "extra"))
