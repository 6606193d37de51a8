# Tuple comparison is lexicographic; equality is element-wise; sorting tuples.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,))
print((1, 2) == (1, 2), (1, 2) == (2, 1), (1, 2.0) == (1.0, 2), (1, 2) != [1, 2])
print((1, "a") < (1, "b"), ("a", 2) > ("a", 1), (1, (2, 3)) < (1, (2, 4)))
print(max([(1, "z"), (2, "a"), (2, "b")]), min([(3, 1), (1, 5), (1, 2)]))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (0, "m")]
print(sorted(pairs), sorted(pairs, reverse=True))
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: (-p[0], p[1])))
print((1, 2, 3) <= (1, 2, 3), (1, 2, 3) >= (1, 2, 4), (0, 0) > (-1, 100))
records = [("bob", 25, 3.5), ("alice", 30, 3.9), ("carol", 25, 3.9)]
for rec in sorted(records, key=lambda r: (r[1], -r[2])):
    print(rec)
print([a < b for a, b in zip(records, records[1:])])
