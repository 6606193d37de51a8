# Uncaught exception with several arguments: the message is the tuple of args.
# expect: ValueError: ('bad value', 42)
try:
    raise ValueError("caught first", 1)
except ValueError as e:
    print("caught", e, e.args)
def check(v):
    if v > 40:
        raise ValueError("bad value", v)
    return v
print([check(v) for v in range(0, 40, 10)])
check(42)
