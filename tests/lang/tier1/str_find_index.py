# find/rfind/index/rindex/count with start and end arguments.
s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find(""), s.find("", 5), s.find("", 20))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind(""))
print(s.find("a", 1), s.find("a", 1, 3), s.find("a", -4), s.find("a", 4, -4))
print(s.rfind("a", 0, 5), s.rfind("a", -3), s.rfind("abra", 1))
print(s.index("c"), s.rindex("c"), s.index("ra", 3), s.rindex("ra", 0, 5))
print(s.count("a"), s.count("abra"), s.count(""), s.count("a", 3), s.count("a", 3, 8))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"))
print("日本語日本".find("本"), "日本語日本".rfind("本"), "日本語日本".count("日本"))
positions = []
i = s.find("a")
while i != -1:
    positions.append(i)
    i = s.find("a", i + 1)
print(positions)
for sub in ["abra", "cad", "x", "a"]:
    try:
        print(sub, s.index(sub), s.rindex(sub))
    except ValueError as e:
        print(sub, "ValueError:", e)
