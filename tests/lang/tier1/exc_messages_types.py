# Exact TypeError/ValueError/AttributeError messages for wrong operand and argument types.
five, s, none, lst, flt = 5, "abc", None, [1], 1.5
cases = [
    lambda: 1 + s, lambda: s + 1, lambda: lst + (2,), lambda: (1,) + lst, lambda: s - s,
    lambda: none + 1, lambda: 1 < s, lambda: lst < s, lambda: none > none, lambda: {} < {},
    lambda: -s, lambda: ~flt, lambda: +lst, lambda: len(five), lambda: len(none), lambda: iter(five),
    lambda: five(), lambda: s(), lambda: none(), lambda: five[0], lambda: none[0], lambda: print[1],
    lambda: int(lst), lambda: int(none), lambda: float(lst), lambda: float(none), lambda: int("1.5"),
    lambda: int("12", 1), lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""),
    lambda: "".join([1, 2]), lambda: ", ".join(["a", None]), lambda: sum(["a", "b"]),
    lambda: sum([[1]]), lambda: max(), lambda: max([]), lambda: min([], key=len), lambda: abs("x"),
    lambda: sorted([1, "a"]), lambda: [3, None].sort(), lambda: five.foo, lambda: s.foo,
    lambda: lst.foo, lambda: none.foo, lambda: {}.foo, lambda: len.foo, lambda: "%d" % "x",
    lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "{} {}".format(1), lambda: "{x}".format(),
    lambda: format(flt, "d"), lambda: format("s", "d"), lambda: format(3, "s"), lambda: isinstance(1, 2),
    lambda: divmod("a", 1), lambda: round("1.5"), lambda: hex(flt), lambda: range(flt), lambda: lst[none],
    lambda: s.foo(), lambda: none.append(1), lambda: "%z" % 1, lambda: format(1, "zz"),
]
for i, case in enumerate(cases):
    try:
        result = case()
        print(i, "no error", result)
    except (TypeError, ValueError, AttributeError, LookupError) as e:
        print(i, type(e).__name__ + ":", e)
