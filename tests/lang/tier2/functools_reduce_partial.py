# functools.reduce (with and without initial) and functools.partial.
from functools import reduce, partial
import operator

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(reduce(operator.mul, range(1, 11)))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
print(reduce(max, [3, 9, 2, 7]), reduce(lambda a, b: a * 10 + b, [1, 2, 3]))
print(reduce(operator.add, [], "empty-initial"), reduce(operator.add, ["x"]))
def steps(a, b):
    print(f"combine {a!r} {b!r}")
    return a + b
print(reduce(steps, "abc", ">"))
def power(base, exponent):
    return base ** exponent
square = partial(power, exponent=2)
two_to = partial(power, 2)
print(square(7), two_to(10), square(base=3))
print(square.func is power, square.args, square.keywords, two_to.args)
int_from_binary = partial(int, base=2)
print(int_from_binary("1011"), int_from_binary("11111111"))
join_dash = partial(str.join, "-")
print(join_dash(["a", "b", "c"]))
log = partial(print, "[log]", sep=" | ")
log("one", "two")
nested = partial(partial(power, 3), 4)
print(nested())
print(sorted(["bb", "a", "ccc"], key=partial(len)))
