# Unicode strings: lengths in code points, ord/chr, case mapping beyond ASCII.
words = ["abc", "héllo", "日本語", "Ω≈ç√", "😀👍", "a\u0301", "ﬁ"]
for w in words:
    print(w, len(w), [ord(c) for c in w], w[::-1], w.upper(), w.lower())
print("straße".upper(), "STRASSE".lower(), "ǅ".lower(), "ǅ".upper())
print("İ".lower() == "i\u0307", len("İ".lower()), "ΣΑΣ".lower())
print(chr(233), chr(0x4e2d), chr(0x1F600), chr(97) + chr(98))
print(ord("€"), hex(ord("€")), "\u20ac" == "€")
print("é" == "e\u0301", len("é"), len("e\u0301"))
print(sorted("cbaé日"), max("abcé"), min("日本"), "é" > "z")
print("日本" + "語", "日" * 3, "本" in "日本語", "日本語".find("語"))
print("Ünïcödé".isalpha(), "١٢٣".isdigit(), "\u00a0".isspace(), "²".isdigit())
s = "ab😀cd"
print(s[2], s[1:3], s.index("c"), s.split("😀"))
print(str("tschüß").title(), "éCOLE".capitalize(), "ÀÉÎ".swapcase())
