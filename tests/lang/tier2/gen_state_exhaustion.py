# Generator state: running, suspended, exhausted; an exhausted generator stays exhausted.
def three():
    yield "a"
    yield "b"
    yield "c"

g = three()
print(list(g))
print(list(g), next(g, "default"))
for x in g:
    print("never")
g = three()
print(next(g))
print(list(g))
print(sum(1 for _ in g))
squares = (n * n for n in range(4))
print(sum(squares), sum(squares))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
def tracker():
    print("body runs on first next")
    yield 1
t = tracker()
print("not started yet")
print(next(t))
print(next(t, "now exhausted"))
gen = three()
zipped = list(zip(gen, gen))
print(zipped, list(gen))
gen = three()
print("b" in gen, list(gen))
