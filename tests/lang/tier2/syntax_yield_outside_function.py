# yield at module level is a syntax error: nothing runs.
# expect: SyntaxError: 'yield' outside function
def numbers():
    yield 1
    yield 2

print(list(numbers()))
for n in range(3):
    yield n
print("never printed")
