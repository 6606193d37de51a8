# in / not in over lists, tuples, strings, dicts, sets, ranges and iterators.
print(2 in [1, 2, 3], 4 in [1, 2, 3], 2 not in (1, 2), "b" in "abc", "bc" in "abc", "" in "")
print("k" in {"k": 1}, 1 in {"k": 1}, 1 in {1, 2}, (1, 2) in {(1, 2)}, 5 in range(10))
print([1] in [[1], [2]], (1,) in [(1,)], None in [None], 1.0 in [1], True in [1, 0])
it = iter([1, 2, 3, 4])
print(2 in it, next(it), 1 in it, list(it))
gen = (x * x for x in range(10))
print(16 in gen, 4 in gen, list(gen))
print("A" in "abc", "abc" in "ABC".lower(), "b" in ["abc"], "b" in "a,b".split(","))
matrix = [[1, 2], [3, 4]]
print(any(3 in row for row in matrix), [row for row in matrix if 2 not in row])
vowels = "aeiou"
print([c for c in "stitch runtime" if c in vowels], sum(c not in vowels for c in "stitch"))
print(3 in {3: None}.keys(), None in {3: None}.values(), (3, None) in {3: None}.items())
