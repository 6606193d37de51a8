# Slice assignment can grow/shrink lists; extended slices need equal length; del slices.
lst = list(range(10))
lst[2:5] = ["a", "b"]
print(lst)
lst[1:1] = ["ins1", "ins2"]
print(lst)
lst[:2] = []
print(lst)
lst[-2:] = range(3)
print(lst)
lst[::2] = ["E"] * len(lst[::2])
print(lst)
lst[:] = "xyz"
print(lst)
lst[len(lst):] = [1, 2]
print(lst)
lst[1:3] = lst
print(lst)
n = list(range(10))
del n[::3]
print(n)
del n[1:3]
print(n)
del n[-1]
del n[0]
print(n)
del n[:]
print(n)
m = [1, 2, 3, 4, 5, 6]
m[::-2] = [60, 40, 20]
print(m)
m[5:0:-2] = "abc"
print(m)
try:
    m[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
grid = [[0, 0], [0, 0]]
grid[0][:] = [1, 1]
print(grid)
