# repr() of strings: quote choice and escaping of special characters.
print(repr("plain"), repr(""), repr("it's"), repr('say "hi"'))
print(repr("both ' and \""), repr("back\\slash"), repr("tab\tnew\nline"))
print(repr("\r\x00\x07\x1b\x7f"), repr("\x80\x9f"), repr("\xa0\xad"))
print(repr("é"), repr("日本"), repr("😀"), repr("\u200b"), repr("\u2028"))
print(repr("\ufeff"), repr("\U000e0001"), repr("\U0001f600x"))
print(str("it's"), str("a\nb"))
print(["it's", 'a"b', "x\ty"], ("\n",), {"k\n": "v'"})
print(repr(repr("a")), repr(str(1)), repr("'"), repr('"'), repr("'\""))
for c in ["\x01", "\x1f", " ", "~", "\x85", "\xff", "\u0100", "\uffff"]:
    print(ord(c), repr(c))
print(len(repr("a\nb")), repr("a\nb")[2:4])
print(f"{'quote'!r}", "%r" % "pct", "{!r}".format("fmt"))
