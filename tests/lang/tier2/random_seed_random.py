# random.seed(int) then random(): the exact Mersenne Twister sequence of CPython.
import random

random.seed(42)
print([random.random() for _ in range(5)])
random.seed(0)
print(random.random(), random.random())
random.seed(42)
print(random.random())          # the same first value again
for seed in [1, 2, 12345, 2**40 + 7, -5]:
    random.seed(seed)
    print(seed, round(random.random(), 15), random.random())
random.seed(7)
values = [random.random() for _ in range(1000)]
print(min(values) >= 0.0, max(values) < 1.0, round(sum(values), 9))
rng = random.Random(99)
other = random.Random(99)
print(rng.random() == other.random(), rng.random())
random.seed(3)
print(round(random.uniform(10, 20), 12), round(random.uniform(-1, 1), 12))
