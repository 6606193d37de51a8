# Uncaught TypeError negating a str.
# expect: TypeError: bad operand type for unary -: 'str'
values = [1, -2.5, True, "3"]
print(-5, -(-5), +3, ~7, not "")
print([-x for x in (1, 2.5, True)])
print("unary minus on each value:")
print("strings need int() first:", -int(values[3]))
for v in values:
    print(repr(v), "negated", -v)
print("never printed")
