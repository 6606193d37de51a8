# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: unterminated triple-quoted string literal (detected at line 12)
print("start")
doc = """This docstring
never ends because the closing
quotes are missing
x = 1
y = 2
print(x + y)
def f():
    return 3
print("never printed")
