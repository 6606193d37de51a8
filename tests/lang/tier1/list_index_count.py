# index with start/stop, count with equality semantics.
lst = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(lst.index(1), lst.index(5), lst.index(5, 5), lst.index(5, -3), lst.index(3, 1, 10))
print(lst.count(5), lst.count(1), lst.count(7), lst.count(3.0), [True, 1, 1.0].count(1))
print([[1], [1], [2]].count([1]), [(1, 2), (1, 2)].index((1, 2)), ["a", "b"].index("b"))
for value in [9, 7]:
    try:
        print(value, "at", lst.index(value))
    except ValueError as e:
        print("ValueError:", e)
try:
    lst.index(3, 1, 5)
except ValueError as e:
    print("ValueError:", e)
positions = [i for i, v in enumerate(lst) if v == 5]
print(positions)
print([lst.count(v) for v in range(10)])
