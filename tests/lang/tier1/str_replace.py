# replace with and without count, empty patterns and overlapping matches.
s = "the cat sat on the mat with the hat"
print(s.replace("the", "a"), s.replace("the", "a", 1), s.replace("the", "a", 2))
print(s.replace("at", "AT"), s.replace("xyz", "!"), s.replace(" ", ""))
print("aaaa".replace("aa", "b"), "aaa".replace("aa", "b"), "abab".replace("ab", "ba"))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print("hello".replace("l", ""), "hello".replace("hello", ""), "a".replace("a", "aa"))
print("x.y.z".replace(".", "/", -1), "x.y.z".replace(".", "/", 0))
print("日本日本".replace("本", "!"), "ééé".replace("é", "e", 2))
text = "one two one two one"
count = 0
while "one" in text:
    text = text.replace("one", str(count), 1)
    count += 1
print(text, count)
print("Mississippi".replace("ss", "SS").replace("i", "I", 2))
