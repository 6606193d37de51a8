# Set comprehensions and de-duplication; strings are printed through sorted().
print({n % 5 for n in range(100)})
print({n * n % 7 for n in range(-3, 4)})
print(sorted({w.lower() for w in ["A", "a", "B", "b", "c"]}))
print(sorted({len(w) for w in "the quick brown fox jumps".split()}))
vowels = sorted({c for c in "programming language" if c in "aeiou"})
print(vowels, len(vowels))
pairs = {(i, j) for i in range(3) for j in range(3) if i != j}
print(len(pairs), sorted(pairs))
print({x for x in []}, {x for x in [0]}, type({x for x in ()}).__name__)
x = "unchanged"
_ = {x for x in range(3)}
print(x)
