# Exact messages of container errors (index, key, value, type), caught and printed.
empty, one, pair, text, nums = [], [1], (1, 2), "abc", [1, 2, 3]
key_str, key_float, key_none = "1", 1.5, None
cases = [
    lambda: empty[0], lambda: [1, 2][-3], lambda: (1,)[1], lambda: text[10], lambda: range(3)[5],
    lambda: [].pop(), lambda: one.pop(3), lambda: {}["missing"], lambda: {1: 2}[(1, 2)],
    lambda: {"a": 1}.pop("b"), lambda: {}.popitem(), lambda: set().pop(), lambda: {1}.remove(2),
    lambda: [1, 2].remove(3), lambda: [1, 2].index(9), lambda: pair.index(9), lambda: text.index("z"),
    lambda: text.rindex("z"), lambda: {empty: 2}, lambda: {one}, lambda: hash(empty), lambda: {}[{}],
    lambda: text[key_str], lambda: one[key_float], lambda: pair[key_str], lambda: nums[::0],
    lambda: text * key_float, lambda: one * empty, lambda: text.split(""), lambda: dict([(1, 2, 3)]),
    lambda: dict([1]), lambda: {1: 2}.items()[0], lambda: range(1, 2, 0), lambda: frozenset([1]).add,
    lambda: one[key_none], lambda: nums.insert(), lambda: text[1:2:0],
]
for i, case in enumerate(cases):
    try:
        result = case()
        print(i, "no error", type(result).__name__)
    except (LookupError, ValueError, TypeError, AttributeError) as e:
        print(i, type(e).__name__ + ":", e)
print(issubclass(IndexError, LookupError), issubclass(KeyError, LookupError), issubclass(KeyError, IndexError))
