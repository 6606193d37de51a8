# center/ljust/rjust/zfill, including odd padding and custom fill characters.
for w in ["", "a", "ab", "abc", "abcd"]:
    print(repr(w.center(6)), repr(w.center(7)), repr(w.center(6, "*")), repr(w.center(7, "-")))
for w in ["x", "xy", "xyz"]:
    print(repr(w.ljust(5)), repr(w.rjust(5)), repr(w.ljust(5, ".")), repr(w.rjust(5, "0")))
print(repr("toolong".center(3)), repr("toolong".ljust(3)), repr("abc".rjust(-1)))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "12345".zfill(3), "".zfill(2))
print("-".zfill(3), "3.14".zfill(8), "-3.14".zfill(8), "日".center(5, "本"))
table = [("apple", 3), ("kiwi", 12), ("banana", 150)]
for name, qty in table:
    print("|" + name.ljust(10) + "|" + str(qty).rjust(5) + "|" + name.center(9, "~") + "|")
print("=" * 20)
print("TITLE".center(20, "="))
