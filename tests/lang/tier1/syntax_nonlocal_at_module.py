# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: nonlocal declaration not allowed at module level
counter = 0
def bump():
    global counter
    counter += 1
bump()
nonlocal shared_state
print(counter)
print("never printed")
