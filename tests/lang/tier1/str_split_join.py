# split, rsplit and join with default whitespace, explicit separators and maxsplit.
s = "  the quick  brown\tfox\njumps  "
print(s.split(), s.split(" "), s.split(None, 2), s.rsplit(None, 2))
csv = "a,b,,c,"
print(csv.split(","), csv.split(",", 1), csv.rsplit(",", 1), csv.split(",", 0))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "abc".split("abc"))
print("".split(), "".split(","), "   ".split(), " ".split(" "))
print("one two three".split(maxsplit=1), "one two three".rsplit(maxsplit=1))
print("a b c".split(" ", -1), "x".split("x"), "xx".split("x"))
print("1\n2\r\n3".split(), "a\x0bb\x0cc\x1cd".split())
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join("abc"))
print("\n".join(str(i) for i in range(3)))
print(",".join([]), ",".join(["solo"]), "ab".join(["1", "2", "3"]))
print("-".join(map(str, [1, 2, 3])), ", ".join(sorted({"b": 1, "a": 2})))
words = "how now brown cow".split()
print(len(words), words[::-1], " ".join(w.capitalize() for w in words))
print("k=v;k2=v2".split(";"), [p.split("=") for p in "k=v;k2=v2".split(";")])
print(dict(p.split("=") for p in "x=1&y=2&z=3".split("&")))
print("a:b:c:d".rsplit(":", 2), "a:b:c:d".split(":", 2))
