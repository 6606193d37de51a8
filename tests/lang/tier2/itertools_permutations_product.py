# itertools.permutations, product (with repeat=) and combinations.
from itertools import permutations, product, combinations, combinations_with_replacement

print(list(permutations([1, 2, 3])))
print(["".join(p) for p in permutations("abcd", 2)])
print(len(list(permutations(range(5)))), list(permutations([])), list(permutations("ab", 3)))
print(list(product([1, 2], "xy")))
print(["".join(p) for p in product("01", repeat=3)])
print(len(list(product(range(3), repeat=4))), list(product()))
print(list(product([1, 2], [3], [4, 5])))
print(list(combinations("abcd", 2)), len(list(combinations(range(10), 3))))
print(list(combinations_with_replacement("ab", 2)))
target = 10
dice = [p for p in product(range(1, 7), repeat=3) if sum(p) == target]
print(len(dice), dice[:5])
words = {"".join(p) for p in permutations("tea")}
print(sorted(words))
