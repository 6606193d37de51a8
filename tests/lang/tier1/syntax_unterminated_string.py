# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: unterminated string literal (detected at line 6)
greeting = "hello"
name = "world"
print(greeting, name)
message = "unterminated
print(message)
print("never printed")
x = 1
def unused_helper(value):
    return value * 2
