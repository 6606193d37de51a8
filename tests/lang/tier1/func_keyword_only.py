# Keyword-only parameters after * or *args; required and defaulted forms.
def connect(host, *, port=80, secure=False):
    return f"{'https' if secure else 'http'}://{host}:{port}"
print(connect("a.org"), connect("b.org", port=8080), connect("c.org", secure=True, port=443))
def scale(*values, factor):
    return [v * factor for v in values]
print(scale(1, 2, 3, factor=10), scale(factor=2))
def required(a, *, b, c=3):
    return a + b + c
print(required(1, b=2), required(a=1, b=2, c=0))
try:
    connect("x", 81)
except TypeError as e:
    print("TypeError:", e)
try:
    required(1)
except TypeError as e:
    print("TypeError:", e)
try:
    scale(1, 2)
except TypeError as e:
    print("TypeError:", e)
def options(*, verbose=False, **extra):
    return verbose, extra
print(options(), options(verbose=True, color="red"))
print(connect(host="d.org"), required(0, c=0, b=0))
