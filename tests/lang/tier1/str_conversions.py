# str() and repr() of builtin values, and containers that hold strings.
values = [0, -12, 2 ** 70, 1.5, -0.0, 1e22, float("inf"), True, None, "text", "",
          [1, "a"], (1,), (), {"k": "v"}, {1, 2}, frozenset({3}), range(3), range(1, 10, 2),
          [[], [[]]], ["it's", 'say "x"']]
for v in values:
    print(str(v), "|", repr(v), "|", type(v).__name__)
print(str(str), str(len), str(print))
print(str(123) + str(4.5) + str(None) + str(False))
print(str(), repr(str()), str("") == "", str(str("x")))
print(str(slice(1, 2)), repr(slice(None, 5, -1)), str([None, ...]))
