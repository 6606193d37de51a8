# Uncaught list index out of range deep in a call chain.
# expect: IndexError: list index out of range
def get(items, i):
    return items[i]
def show(items, indices):
    for i in indices:
        print(i, get(items, i))
colors = ["red", "green", "blue"]
show(colors, [0, 1, 2, -1, -3])
show(colors, [3])
print("never printed")
