# append, extend, insert (including out-of-range and negative positions), +=.
lst = []
lst.append(1)
lst.append([2, 3])
lst.extend([4, 5])
lst.extend("ab")
lst.extend(range(2))
lst.extend((9,))
print(lst, len(lst))
lst = [1, 2, 3]
lst.insert(0, "start")
lst.insert(2, "mid")
lst.insert(100, "end")
lst.insert(-1, "before-last")
lst.insert(-100, "very-first")
print(lst)
x = [1]
x += [2, 3]
x += "xy"
x += (4,)
print(x)
y = [0]
y.extend(y)
y.extend(y)
print(y)
z = []
for i in range(5):
    z.insert(0, i)
print(z)
w = [1, 2]
w.append(w[:])
print(w, len(w))
print([].append(1), [].extend([]), [].insert(0, 0))
