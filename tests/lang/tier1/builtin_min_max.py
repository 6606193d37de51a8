# min/max with iterables, several arguments, key= and default=; ties return the first.
print(min(3, 1, 2), max(3, 1, 2), min([5, 9]), max((5, 9)), min("hello"), max("hello"))
print(max([1, 5, 3], key=lambda x: -x), min(["bb", "a", "ccc"], key=len), max("a", "B", key=str.lower))
print(min([], default=None), max([], default="empty"), max((x for x in []), default=0))
print(max([1, 2], default=99), min([[3], [1, 2]]), max([(1, "b"), (1, "a")]))
words = ["pear", "fig", "kiwi", "plum"]
print(max(words, key=len), min(words, key=len), max(words), min(words))
print(max(1, 2.5), min(-1, -1.0), max(True, 0), min(2 ** 70, 3 ** 45), max("10", "9"))
scores = {"ann": 90, "bob": 95, "cy": 95}
print(max(scores, key=scores.get), min(scores.values()), max(scores.items(), key=lambda kv: kv[1]))
print(min(range(10), key=lambda n: (n - 6) ** 2), max(range(-5, 5), key=abs))
print(min(map(int, "4821")), max(enumerate("hello"), key=lambda p: p[1]))
