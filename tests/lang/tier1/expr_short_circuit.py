# and/or return one of their operands and stop evaluating as soon as the result is known.
def t(label, value):
    print("eval", label)
    return value
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None and 1, [] or {} or 0)
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 0) and t("c", 1))
print(t("a", 0) or t("b", "") or t("c", "found") or t("d", "skipped"))
print(t("a", 1) or t("b", 2))
print(not 0, not 1, not "", not [0], not None, type(not 1).__name__)
print(0 or None, None or 0, "a" and "b" or "c", "" and "b" or "c")
print(1 and 2 or 3 and 4, (1 or 2) and (0 or 5), not 1 and 2, not (1 and 2))
name = ""
display = name or "anonymous"
print(display)
values = [0, 3, None, "x", [], [1]]
print([v or "falsy" for v in values], [v and "truthy" for v in values])
x = 5
print(x > 3 and "big" or "small", x > 10 and "big" or "small")
lst = []
print(lst and lst[0], len(lst) > 0 and lst[0] > 1)
d = {}
print("k" in d and d["k"] > 0, d.get("k") or "missing")
