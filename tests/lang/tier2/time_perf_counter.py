# time.perf_counter, time.time and time.sleep: only compared, never printed.
import time

t0 = time.perf_counter()
total = sum(i * i for i in range(20000))
t1 = time.perf_counter()
print(total, t1 >= t0, isinstance(t1, float))
start = time.time()
time.sleep(0.01)
elapsed = time.perf_counter() - t1
print(elapsed >= 0.009, time.time() >= start)
print(type(time.time()).__name__, type(time.perf_counter()).__name__)
class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self
    def __exit__(self, *exc):
        self.elapsed = time.perf_counter() - self.start
        return False
with Timer() as timer:
    sorted(range(10000, 0, -1))
print(timer.elapsed >= 0, timer.elapsed < 60)
ns = time.perf_counter_ns()
print(isinstance(ns, int), time.perf_counter_ns() >= ns)
print(time.monotonic() <= time.monotonic())
