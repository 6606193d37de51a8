# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: name 'limit' is assigned to before global declaration
limit = 10
def change():
    limit = 5
    global limit
    limit = 20
print(limit)
change()
print("never printed")
