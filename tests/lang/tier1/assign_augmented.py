# Augmented assignment with every operator, on names, subscripts and slices.
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 4; print(n)
n //= 5; print(n)
n %= 4; print(n)
n **= 5; print(n)
n <<= 3; print(n)
n >>= 1; print(n)
n &= 0xF0; print(n)
n |= 0x0F; print(n)
n ^= 0xFF; print(n)
n /= 4; print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 3
lst[1:2] += [5]
print(lst)
d = {"count": 0, "names": []}
d["count"] += 1
d["names"] += ["x"]
d["count"] += d["count"]
print(d)
calls = []
def index(i):
    calls.append(i)
    return i
arr = [0, 0, 0]
arr[index(1)] += 5
arr[index(2)] -= 1
print(arr, calls)
grid = [[1, 2], [3, 4]]
grid[1][0] **= 2
print(grid)
t = (1,)
t += (2,)
print(t)
