# Uncaught list assignment index out of range.
# expect: IndexError: list assignment index out of range
slots = [None] * 3
for i in range(3):
    slots[i] = i * i
    print(slots)
slots[-3] = "first"
print(slots)
slots[3] = "overflow"
print("never printed")
