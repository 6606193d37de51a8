# Group anagrams and find palindromes with dicts, sorting and slicing.
words = ["listen", "silent", "enlist", "google", "elgoog", "cat", "act", "tac", "dog", "level",
         "rotor", "stats", "inlets", "god", "banana"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key in sorted(groups):
    if len(groups[key]) > 1:
        print(key, sorted(groups[key]))
print([w for w in words if w == w[::-1]])
print(max(groups.values(), key=len), len(groups))
def is_anagram(a, b):
    counts = {}
    for ch in a:
        counts[ch] = counts.get(ch, 0) + 1
    for ch in b:
        counts[ch] = counts.get(ch, 0) - 1
    return all(v == 0 for v in counts.values())
print(is_anagram("dormitory", "dirtyroom"), is_anagram("abc", "abd"), is_anagram("", ""))
phrase = "A man, a plan, a canal: Panama"
cleaned = "".join(c.lower() for c in phrase if c.isalnum())
print(cleaned, cleaned == cleaned[::-1])
