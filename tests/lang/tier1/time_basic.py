# time.time and time.perf_counter are monotonic enough to compare; values are never printed.
import time
t1 = time.time()
p1 = time.perf_counter()
total = 0
for i in range(100000):
    total += i
t2 = time.time()
p2 = time.perf_counter()
print(total)
print(t2 >= t1, p2 >= p1, isinstance(t1, float), isinstance(p1, float))
print(t1 > 1_600_000_000, (p2 - p1) >= 0, type(time.time()).__name__)
elapsed = p2 - p1
print("elapsed is non-negative:", elapsed >= 0.0)
readings = [time.perf_counter() for _ in range(5)]
print(all(a <= b for a, b in zip(readings, readings[1:])), len(readings))
