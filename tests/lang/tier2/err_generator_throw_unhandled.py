# generator.throw with an exception the generator does not handle.
# expect: ValueError: rejected by the consumer
def producer():
    n = 0
    while True:
        try:
            yield n
        except KeyError:
            print("producer handles KeyError")
        n += 1
g = producer()
print(next(g), next(g), g.throw(KeyError("k")))
g.throw(ValueError("rejected by the consumer"))
