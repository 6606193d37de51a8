# String operators: + * in, comparisons (code point order), len, augmented assignment.
a, b = "abc", "abd"
print(a + b, a * 3, 3 * a, a * 0, a * -2, repr("" * 5))
print(a < b, a > b, a == "abc", a != "ABC", "Z" < "a", "a" < "aa", "" < "a")
print("apple" < "banana" < "cherry", "10" < "9", "abc" <= "abc", "B" >= "a")
print("b" in "abc", "bc" in "abc", "ac" in "abc", "" in "abc", "x" not in "abc")
print(len(""), len("a"), len("hello world"), len("日本語"))
s = "x"
s += "y"
s *= 3
print(s)
print(max("hello"), min("hello"), sorted("hello"), sorted("hello", reverse=True))
print(sorted(["banana", "Apple", "cherry", "apple"]), sorted(["b", "a", "B", "A", "_", "1"]))
print("abc" == "ab" + "c", "ab" * 2 == "abab", "-" * 10)
print(["a", "b"] < ["a", "c"], ("a", 1) < ("b", 0), "é" > "z" > "Z")
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts, "".join(parts), len("".join(parts)))
