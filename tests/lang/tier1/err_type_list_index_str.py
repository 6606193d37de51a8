# Uncaught TypeError indexing a list with a str.
# expect: TypeError: list indices must be integers or slices, not str
rows = [10, 20, 30]
keys = [0, 2, -1, "1"]
print(rows[0], rows[-1], rows[1:], rows[int("1")])
print("string keys need int() first")
print(rows[slice(0, 2)])
for k in keys:
    print(k, rows[k])
print("never printed")
