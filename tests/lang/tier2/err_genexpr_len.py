# len() of a generator expression.
# expect: TypeError: object of type 'generator' has no len()
words = ["alpha", "beta", "gamma"]
lengths = (len(w) for w in words)
print(sum(lengths))
upper = [w.upper() for w in words]
print(len(upper))
lazy = (w.upper() for w in words)
print(type(lazy).__name__)
print(len(lazy))
