# return in a generator: StopIteration carries the value; for loops ignore it.
def gen():
    yield 1
    yield 2
    return "result"

g = gen()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value, e.args)
print(list(gen()))
for x in gen():
    print("loop", x)
def early(n):
    for i in range(n):
        if i == 2:
            return
        yield i
    yield "never when n > 2"
print(list(early(5)), list(early(2)))
def empty():
    return "nothing"
    yield
print(list(empty()))
e = empty()
try:
    next(e)
except StopIteration as stop:
    print("empty returned", stop.value)
def bare():
    yield 0
    return
b = bare()
next(b)
try:
    next(b)
except StopIteration as stop:
    print(stop.value, stop.args)
