# Iterating over strings: for, enumerate, reversed, zip, list(), comprehension.
s = "stitch"
for ch in s:
    print(ch, end=" ")
print()
for i, ch in enumerate(s):
    print(i, ch, ord(ch))
print(list(s), tuple(s), list(reversed(s)), "".join(reversed(s)))
print([c.upper() for c in s if c not in "aeiou"])
print(list(zip(s, s[1:])), list(zip("abc", range(10))))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
it = iter("ab")
print(next(it), next(it), next(it, "done"))
print(sum(1 for c in "hello world" if c == "o"), any(c.isdigit() for c in "ab3"), all(c.islower() for c in "abc"))
