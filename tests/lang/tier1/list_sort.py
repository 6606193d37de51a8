# sort and sorted: key=, reverse=, stability, strings, tuples, in-place semantics.
nums = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(nums), sorted(nums, reverse=True), nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
records = [("amy", 3), ("bob", 1), ("cat", 3), ("dan", 2), ("eve", 1), ("fay", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name_desc = sorted(records, key=lambda r: r[0], reverse=True)
print(sorted(by_name_desc, key=lambda r: r[1]))
print(sorted([3.5, -1, 2, 0.5, True, False]), sorted("hello world"))
print(sorted([[2, 1], [1, 2], [1, 1, 1], []]), sorted([(2, "a"), (1, "b"), (2, "A")]))
print(sorted({3: "c", 1: "a", 2: "b"}), sorted({3: "c", 1: "a"}.items()))
print(sorted(range(10), key=lambda n: n % 3), sorted(range(10), key=lambda n: -n))
lst = [4, 2, 3]
result = lst.sort()
print(result, lst, sorted([]), sorted([1]))
print(sorted(["b", "a"], key=None), sorted([-5, 3, -2, 1], key=abs))
