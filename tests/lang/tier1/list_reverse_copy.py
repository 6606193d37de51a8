# reverse() in place, reversed() iterator, copy() and slice copies are shallow.
lst = [1, 2, 3, 4, 5]
lst.reverse()
print(lst, list(reversed(lst)), lst[::-1])
nested = [[1, 2], [3, 4]]
shallow = nested.copy()
sliced = nested[:]
built = list(nested)
shallow[0] = ["replaced"]
sliced[1].append(99)
print(nested, shallow, sliced, built)
print(shallow is nested, shallow[1] is nested[1], built == nested)
empty = []
empty.reverse()
print(empty, list(reversed([])), [7].copy())
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
a = [1, 2, 3]
b = a
c = a.copy()
a.append(4)
print(a, b, c, a is b, a is c)
