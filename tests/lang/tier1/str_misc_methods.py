# Less common but ordinary str methods: expandtabs, removeprefix/suffix, translate, index chains.
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\tc".expandtabs(2)))
print("www.site.com".removeprefix("www."), "www.site.com".removesuffix(".com"), "abc".removesuffix(""))
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table), "hello".translate(str.maketrans("", "", "lo")))
print("hello".translate({ord("h"): "J", ord("o"): None}))
words = ["banana", "Apple", "cherry"]
print(max(words), max(words, key=str.lower), min(words, key=len))
print("{} has {} chars".format("stitch", len("stitch")))
print("ab".join("123"), "x".center(3).replace(" ", "_"), "  a  ".strip().upper())
print("Hello World".lower().count("o"), "a,b;c d".replace(",", " ").replace(";", " ").split())
print("title of the book".title(), "%s|%s" % ("a".rjust(3), "b".ljust(3)))
print("abc".upper().lower().capitalize(), "a-b-c".split("-", 1)[1].upper())
