# Truth values of builtin objects, as seen by bool(), if, while, and not.
values = [0, 1, -1, 0.0, -0.0, 0.1, float("nan"), "", " ", "0", [], [0], (), ((),),
          {}, {0: 0}, set(), {0}, frozenset(), range(0), range(1), None, True, False, 2 ** 100]
for v in values:
    print(repr(v), bool(v), not v)
count = 0
for v in values:
    if v:
        count += 1
print("truthy:", count, "falsy:", len(values) - count)
print(any(values), all(values), all(v for v in values if v))
n = 5
while n:
    n -= 1
print("loop ended at", n)
print(bool(), bool(bool), bool(print), bool(len))
s = ""
print("empty" if not s else "full", "yes" if [None] else "no")
