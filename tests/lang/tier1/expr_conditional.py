# Conditional expressions: lazy branches, nesting, in comprehensions and calls.
def loud(x):
    print("computing", x)
    return x
for n in [-5, 0, 5]:
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, sign)
print(loud(1) if True else loud(2))
print(loud(1) if False else loud(2))
print([x if x % 2 else -x for x in range(6)])
print([x for x in range(10) if x % 3 == 0], ["even" if x % 2 == 0 else "odd" for x in range(3)])
a, b = 3, 7
print(a if a > b else b, max(a, b) if a != b else None)
print((1 if a else 2) + 10, 1 if a else 2 + 10, (lambda: "y" if b else "n")())
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in [95, 85, 75, 65, 90, 80]])
print("x" if [] else "y", "x" if [0] else "y", "x" if None is None else "y")
