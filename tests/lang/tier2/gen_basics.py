# Generator functions: lazy execution, yield order, interleaving with the caller.
def numbers(n):
    print("start")
    for i in range(n):
        print("about to yield", i)
        yield i
        print("resumed after", i)
    print("end")


g = numbers(2)
print(type(g).__name__)
print("created, nothing ran yet")
print("got", next(g))
print("got", next(g))
print(next(g, "exhausted"))
print(list(numbers(3)))
def evens():
    n = 0
    while True:
        yield n
        n += 2
e = evens()
print([next(e) for _ in range(5)])
def pairs(items):
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            yield a, b
print(list(pairs("abc")))
def multi():
    yield 1
    yield "two"
    yield [3]
    yield None
print(list(multi()), sum(1 for _ in multi()))
g1, g2 = numbers(1), numbers(1)
print(g1 is g2, iter(g1) is g1)
