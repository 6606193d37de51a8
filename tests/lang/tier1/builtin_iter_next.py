# iter() and next() on builtin iterables; iter(callable, sentinel).
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "stop"))
s = iter("ab")
print(next(s), next(s), next(s, None))
d = iter({"x": 1, "y": 2})
print(next(d), list(d))
r = iter(range(3))
print(list(r), list(r))
t = iter((1, 2, 3))
print(iter(t) is t, next(t), list(t))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)), counter)
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
pairs = iter([(1, 2), (3, 4)])
for a, b in pairs:
    print(a, b)
print(next(pairs, "exhausted"))
nums = iter(range(10))
evens = [n for n in nums if n % 2 == 0 and n < 5]
print(evens, next(nums, "empty"))
print(iter(iter("ab")) is not None, list(iter(iter("ab"))))
