# Sets: creation, add/discard/remove, membership, dedup (only small ints printed directly).
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s, 5 not in s)
s.add(4)
s.add(1)
print(s)
s.discard(3)
s.discard(99)
print(s)
s.remove(4)
print(s)
print(set(), set([1, 1, 2]), set(range(5)), set("aab") == {"a", "b"}, set((7,)))
e = set()
e.add(0)
print(e, bool(e), bool(set()), type(e))
nums = [5, 3, 5, 1, 3, 5, 7]
print(sorted(set(nums)), len(set(nums)))
print({x % 4 for x in range(20)})
words = ["pear", "apple", "pear", "fig", "apple"]
print(sorted(set(words)), len(set(words)), "fig" in set(words))
seen = set()
unique_in_order = []
for w in words:
    if w not in seen:
        seen.add(w)
        unique_in_order.append(w)
print(unique_in_order)
c = {1, 2}
print(c.copy(), c.copy() == c, c.copy() is c)
single = {6}
print(single.pop(), single)
