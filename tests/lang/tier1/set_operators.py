# Set operators: | & - ^ and comparisons, plus the augmented forms.
a = {0, 1, 2, 3}
b = {2, 3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= b, a < a, a <= a, {1, 2} < a, a > {1}, a >= {0, 1, 2, 3}, a == {3, 2, 1, 0})
print(a != b, {1} < {1}, set() < a, set() <= set())
c = set(a)
c |= {6}
print(c)
c &= {0, 1, 6, 7}
print(c)
c -= {0}
print(c)
c ^= {1, 2}
print(c)
print(a | b | {7}, (a & b) | {0}, a - b - {0})
words1 = {"red", "green", "blue"}
words2 = {"blue", "yellow"}
print(sorted(words1 | words2), sorted(words1 & words2), sorted(words1 - words2))
print(len(words1 ^ words2), "blue" in (words1 & words2))
print(frozenset({1, 2}) | {3}, {3} | frozenset({1, 2}), frozenset({1}) == {1})
