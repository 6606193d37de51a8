# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: expected ':'
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0
        return "zero"
    return "positive"

for value in [-1, 0, 1]:
    print(value, classify(value))
print("never printed")
