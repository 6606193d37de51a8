# Exact messages for bad calls: missing, extra, unexpected and duplicate arguments.
def f(a, b):
    return a + b
def g(a, b=2, *, c):
    return a, b, c
def h(x, y, z):
    return x
def noargs():
    return 0
zero = lambda: 0
ident = lambda q: q
cases = [
    lambda: f(1), lambda: f(), lambda: f(1, 2, 3), lambda: f(1, b=2, c=3), lambda: f(1, a=2),
    lambda: g(1), lambda: g(1, 2, 3, c=4), lambda: g(c=1), lambda: h(1), lambda: h(), lambda: noargs(1),
    lambda: noargs(x=1), lambda: f(*[1, 2, 3]), lambda: f(**{"a": 1}), lambda: f(1, **{"a": 5}),
    lambda: zero(1), lambda: ident(), lambda: ident(1, 2), lambda: ident(p=1), lambda: len(),
    lambda: len([], []), lambda: abs(1, 2), lambda: print(foo=1), lambda: [].append(),
    lambda: [].append(1, 2), lambda: f(1, 2, b=3), lambda: h(1, 2, 3, 4, 5), lambda: g(1, c=1, d=2),
]
for i, case in enumerate(cases):
    try:
        print(i, "no error", case())
    except TypeError as e:
        print(i, "TypeError:", e)
