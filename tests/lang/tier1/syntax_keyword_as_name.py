# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: invalid syntax
count = 1
print(count)
names = ["a", "b"]
for n in names:
    print(n)
class = "reserved word"
print(class)
print("never printed")
