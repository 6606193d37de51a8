# random.choice on an empty sequence.
# expect: IndexError: Cannot choose from an empty sequence
import random
random.seed(1)
menu = ["soup", "salad", "pasta"]
print(random.choice(menu), random.choice(menu))
while menu:
    menu.remove(random.choice(menu))
    print(menu)
random.choice(menu)
