# Uncaught AttributeError on an int.
# expect: AttributeError: 'int' object has no attribute 'foo'
n = 255
print(n.bit_length(), n.real, hasattr(n, "foo"), getattr(n, "foo", "no foo"))
print(hasattr(n, "real"), n.real, n.imag)
for name in ["bit_length", "foo"]:
    print(name, hasattr(n, name))
print(getattr(n, "bit_length")())
print("now the failing attribute access")
print(n.foo)
