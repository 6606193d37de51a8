# if / elif / else chains, nesting, and truthiness of conditions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-1, 0, 5, 50, 500]:
    print(n, classify(n))
for value in [0, 1, "", "x", [], [0], None]:
    if value:
        print(repr(value), "truthy")
    else:
        print(repr(value), "falsy")
x, y = 3, 4
if x > 2:
    if y > 5:
        print("both")
    else:
        print("only x")
if x == 3: print("one-line if")
if not x: pass
elif x and y: print("elif after pass")
for year in [1900, 2000, 2023, 2024]:
    if year % 400 == 0 or (year % 4 == 0 and year % 100 != 0):
        kind = "leap"
    else:
        kind = "common"
    print(year, kind)
