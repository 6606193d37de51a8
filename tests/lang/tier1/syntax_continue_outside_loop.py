# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: 'continue' not properly in loop
def process(items):
    for item in items:
        if item is None:
            continue
        print(item)
    if not items:
        continue
    return len(items)
print(process([1, None, 2]))
print("never printed")
