# Uncaught KeyError with a tuple key.
# expect: KeyError: (2, 3)
grid = {(x, y): x * y for x in range(2) for y in range(3)}
print(grid)
print(grid[1, 2], grid[(0, 0)])
cell = (2, 3)
print("looking up", cell)
print("tuple keys compare by value:", (1, 2) == (1, 2))
print((1, 2) in {(1, 2): 0})
print(grid[cell])
