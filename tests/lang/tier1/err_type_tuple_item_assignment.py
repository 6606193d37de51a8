# Uncaught TypeError assigning into a tuple.
# expect: TypeError: 'tuple' object does not support item assignment
point = (1, 2)
inner = ([1], [2])
inner[0].append(99)
print(point, inner)
point = (10,) + point[1:]
print(point)
point[1] = 5
print("never printed")
