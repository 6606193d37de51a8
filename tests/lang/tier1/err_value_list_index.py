# Uncaught ValueError from list.index of a missing value.
# expect: ValueError: 5 is not in list
numbers = [1, 2, 3, 2]
print(numbers.index(2), numbers.index(2, 2), numbers.index(3))
print(5 in numbers, numbers.count(5))
print([i for i, v in enumerate(numbers) if v == 2])
print("index raises when absent")
print(numbers.index(1))
for target in [1, 3, 5]:
    print(target, "at", numbers.index(target))
