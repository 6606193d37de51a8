# Function objects: __name__, __doc__, attributes via getattr/setattr/hasattr, callable.
def documented(a, b=1):
    """Add two numbers."""
    return a + b
def undocumented():
    return None
print(documented.__name__, documented.__doc__, undocumented.__doc__)
print((lambda: 0).__name__, type(documented).__name__, callable(documented))
setattr(documented, "version", 2)
print(documented.version, getattr(documented, "version"), hasattr(documented, "version"))
print(getattr(documented, "nope", None), hasattr(undocumented, "version"))
alias = documented
print(alias.__name__, alias(1, 2), alias is documented)
funcs = [documented, undocumented, len, print, lambda: 1]
print([getattr(f, "__name__") for f in funcs])
print([callable(x) for x in [documented, 3, "s", len, str, [].append, None]])
print(hasattr(len, "__call__"), hasattr(3, "__call__"), hasattr("s", "upper"))
print(getattr("Hello", "upper")(), getattr([1, 2], "count")(1), getattr(5, "bit_length")())
documented.__doc__ = "Changed."
print(documented.__doc__)
