# randint and randrange after seeding: same integers as CPython (getrandbits-based).
import random

random.seed(2024)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(15)])
print([random.randrange(0, 100, 5) for _ in range(10)])
print([random.randrange(-50, 50) for _ in range(8)])
print(random.randint(0, 2**70), random.randrange(10**20))
random.seed(1)
rolls = [random.randint(1, 6) for _ in range(600)]
print([rolls.count(face) for face in range(1, 7)])
print(random.getrandbits(8), random.getrandbits(33), random.getrandbits(100))
random.seed(5)
print(random.randint(7, 7), random.randrange(3, 4), random.randrange(100, 0, -7))
