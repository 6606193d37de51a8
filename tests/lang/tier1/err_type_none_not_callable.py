# Uncaught TypeError: a function returning None is used as a callback factory.
# expect: TypeError: 'NoneType' object is not callable
def make_handler(kind):
    if kind == "print":
        return lambda msg: print("handled:", msg)
    print("no handler for", kind)
make_handler("print")("first")
make_handler("print")("second")
print(callable(make_handler), callable(None))
make_handler("log")("third")
