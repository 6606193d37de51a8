# upper, lower, title, capitalize, swapcase, casefold.
samples = ["hello world", "HELLO WORLD", "hElLo wOrLd", "they're bill's friends", "3rd place",
           "o'neil mc-donald", "", "123", "a1b2c3", "ÉCOLE élève", "x"]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())
print("Straße".casefold(), "HELLO".casefold() == "hello")
print("hello world".title().swapcase(), "ABC".lower().upper())
print("  leading space".capitalize(), "already Capital".capitalize(), "mIXED".capitalize())
names = ["alice", "BOB", "cHARLIE"]
print([n.capitalize() for n in names], sorted(names, key=str.lower), sorted(names))
print("Hello".isupper(), "HELLO".isupper(), "hello".islower(), "Hello World".istitle(), "Hello world".istitle())
