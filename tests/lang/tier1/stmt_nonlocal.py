# nonlocal rebinds a variable of an enclosing function, through several levels.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2(), c1())
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "set by inner"
        inner()
        return x
    before = x
    result = middle()
    return before, result, x
print(outer())
def accumulator():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total, len(items)
    return add
acc = accumulator()
print(acc(5), acc(7), acc(-2))
def two_levels():
    a = 1
    def lvl1():
        a = 10
        def lvl2():
            nonlocal a
            a += 1
        lvl2()
        return a
    return lvl1(), a
print(two_levels())
