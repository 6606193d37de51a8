# bisect: bisect_left/bisect_right/insort on sorted lists, with key and lo/hi.
import bisect

data = [1, 3, 3, 3, 7, 9]
for x in [0, 3, 4, 9, 10]:
    print(x, bisect.bisect_left(data, x), bisect.bisect_right(data, x), bisect.bisect(data, x))
scores = []
for s in [50, 20, 80, 20, 65]:
    bisect.insort(scores, s)
    print(scores)
bisect.insort_left(scores, 65)
bisect.insort_right(scores, 21)
print(scores)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60]])
print(bisect.bisect_left(data, 3, 2), bisect.bisect_right(data, 3, 0, 2))
records = [("ann", 25), ("bob", 31), ("cid", 40)]
print(bisect.bisect_left(records, 31, key=lambda r: r[1]))
words = ["apple", "fig", "kiwi", "pear"]
i = bisect.bisect_left(words, "grape")
words.insert(i, "grape")
print(words, i)
