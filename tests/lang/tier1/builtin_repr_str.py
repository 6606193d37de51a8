# repr vs str: strings get quotes under repr and inside containers.
values = ["text", 'quote"s', "it's", "", "a\nb", 10, -0.5, 1e100, None, True, [1, "two"], ("t",),
          {"k": "v"}, {1, 2}, range(3), 2 ** 64, float("nan"), [float("inf")], {"nested": ["a", ("b",)]}]
for v in values:
    print(str(v), "<>", repr(v))
print(repr(repr("x")), str(str("x")), repr(str(5)), str(repr(5)))
print("%s|%r" % ("s", "s"), "{}|{!r}".format("f", "f"), f"{'x'}|{'x'!r}")
print(repr([]), repr({}), repr(()), repr(set()), repr(frozenset()), repr(""))
text = "multi\tline\n"
print(len(text), len(repr(text)), len(str(text)), repr(text) == "'multi\\tline\\n'")
nested = [["a"], ("b", ["c"])]
print(str(nested) == repr(nested), repr(nested), str(nested[1]))
