# Every set method with named forms (which accept any iterable and several arguments).
a = {1, 2, 3}
print(a.union([3, 4], (5,)), a.intersection([2, 3, 7], {3, 2}), a.difference([1], {2}))
print(a.symmetric_difference([3, 4]), a.union(), a.intersection(range(10)))
print(a.issubset([1, 2, 3, 4]), a.issuperset([1, 2]), a.isdisjoint([4, 5]), a.isdisjoint({3}))
s = set(a)
s.update([4], {5}, range(6, 8))
print(s)
s.intersection_update(range(1, 6), [2, 3, 4, 5, 6])
print(s)
s.difference_update([2], (3,))
print(s)
s.symmetric_difference_update({5, 6})
print(s)
s.add(0)
s.discard(4)
s.remove(6)
print(s, len(s))
t = s.copy()
t.clear()
print(t, s)
popped = []
p = {1, 2, 3, 4}
while p:
    popped.append(p.pop())
print(sorted(popped), p)
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)
try:
    a.remove(42)
except KeyError as e:
    print("KeyError:", e)
