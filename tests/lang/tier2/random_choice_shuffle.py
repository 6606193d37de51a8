# choice, shuffle and sample after seeding: CPython's exact picks and orders.
import random

random.seed(10)
colors = ["red", "green", "blue", "yellow", "purple"]
print([random.choice(colors) for _ in range(8)])
print(random.choice("abcdef"), random.choice(range(100)), random.choice((1, 2)))
deck = list(range(1, 14))
random.shuffle(deck)
print(deck)
random.shuffle(deck)
print(deck)
print(sorted(deck) == list(range(1, 14)))
print(random.sample(range(100), 5), random.sample(colors, 3))
random.seed(10)
again = [random.choice(colors) for _ in range(8)]
print(again)
letters = list("stitch")
random.seed(77)
random.shuffle(letters)
print("".join(letters))
print(random.choices(colors, k=4))
