# The StopIteration that escapes carries the generator's return value.
# expect: StopIteration: final total 6
def summing(values):
    total = 0
    for v in values:
        total += v
        yield total
    return f"final total {total}"
g = summing([1, 2, 3])
print(next(g), next(g), next(g))
next(g)
