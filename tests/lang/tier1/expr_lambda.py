# lambda: defaults, closures, as keys and callbacks, immediately invoked, varargs.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), add(b=5, a=1))
print((lambda: "no args")(), (lambda *args: len(args))(1, 2, 3), (lambda **kw: sorted(kw))(b=1, a=2))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x: x + 1, [1, 2])))
print(list(filter(lambda x: x % 2, range(10))))
make_adder = lambda n: lambda x: x + n
add5 = make_adder(5)
print(add5(10), make_adder(-1)(1), square.__name__, type(square).__name__)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in "+-*":
    print(6, sym, 3, "=", ops[sym](6, 3))
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(3), compose(str, abs)(-12) + "!")
print((lambda x, y=2, *rest, z=0, **kw: (x, y, rest, z, kw))(1, 3, 4, z=9, w=8))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10), [fact(i) for i in range(6)])
print((lambda a, b: a if a > b else b)(3, 9), (lambda: None)())
