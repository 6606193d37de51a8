# PEP 479: StopIteration escaping a generator becomes RuntimeError.
# expect: RuntimeError: generator raised StopIteration
def first_items(iterables):
    for iterable in iterables:
        it = iter(iterable)
        yield next(it)
print(list(first_items([[1, 2], "ab", (9,)])))
gen = first_items([[1], [], [3]])
print(next(gen))
print(next(gen))
