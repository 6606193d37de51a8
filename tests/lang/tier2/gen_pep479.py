# PEP 479: a StopIteration escaping a generator body becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("explicit")

def next_on_empty():
    it = iter([])
    yield next(it)

for gen_func in (leaky, next_on_empty):
    g = gen_func()
    try:
        print(list(g))
    except RuntimeError as e:
        print("RuntimeError:", e)
        print("cause:", type(e.__cause__).__name__, repr(e.__cause__))
def safe_first(iterable):
    it = iter(iterable)
    try:
        first = next(it)
    except StopIteration:
        return
    yield first
print(list(safe_first([])), list(safe_first([7, 8])))
class Manual:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration   # fine in a class's __next__
        return self.n
print(list(Manual()))
