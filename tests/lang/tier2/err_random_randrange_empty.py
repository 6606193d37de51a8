# random.randrange with an empty range (3.11 wording).
# expect: ValueError: empty range for randrange() (5, 5, 0)
import random
random.seed(3)
print(random.randrange(5, 6), random.randrange(0, 10, 3))
low, high = 5, 5
print(low == high)
value = random.randrange(low, high)
print(value)
print("never printed")
