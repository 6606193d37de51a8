# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: IndentationError: unindent does not match any outer indentation level
def compute(values):
    total = 0
    for v in values:
        total += v
      return total

print(compute([1, 2, 3]))
print("never printed")
