# Uncaught bare Exception (no arguments): the last line is just the type name.
# expect: Exception
def validate(x):
    if x < 0:
        raise Exception
    return x
try:
    raise Exception
except Exception as e:
    print("caught bare Exception", repr(e), e.args)
for v in [3, 2, 1, 0, -1]:
    print("valid", validate(v))
