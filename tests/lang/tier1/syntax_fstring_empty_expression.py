# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: f-string: empty expression not allowed
name = "stitch"
print(f"hello {name}")
print(f"{{braces}}")
value = 3
print(f"value={value}")
print(f"empty {}")
print("never printed")
def unused_helper(value):
    return value * 2
