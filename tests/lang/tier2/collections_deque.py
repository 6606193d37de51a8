# collections.deque: both ends, rotate, maxlen, indexing and repr.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([4, 5])
d.extendleft([-1, -2])          # each item goes to the left: reversed order
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(list(reversed(d)), 3 in d, d.count(3), d.index(4))
d.remove(3)
print(d)
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(list(window), window.maxlen)
window.appendleft(100)
print(window)
print(deque("abc", maxlen=2), deque())
q = deque()
for job in ["a", "b", "c"]:
    q.append(job)
while q:
    print("processing", q.popleft())
d2 = deque([1, 2])
d2.clear()
print(d2, bool(d2), deque([1, 2]) == deque([1, 2]), deque([3]) + deque([4]))
