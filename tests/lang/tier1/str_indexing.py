# String indexing by code point, positive and negative.
s = "Hello, World"
print(s[0], s[1], s[-1], s[-2], s[len(s) - 1], s[-len(s)])
for i in range(len(s)):
    print(i, repr(s[i]), repr(s[-1 - i]))
u = "naïve café 日本"
print(len(u), u[2], u[-1], u[-2], u[9], u[11])
print([u[i] for i in range(0, len(u), 3)])
print(type(s[0]), len(s[0]), s[0] == "H", s[0] is not None)
print("abc"[1] + "xyz"[-1], "x"[0] * 3)
word = "racecar"
print(all(word[i] == word[-1 - i] for i in range(len(word))))
