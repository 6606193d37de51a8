# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: SyntaxError: 'break' outside loop
count = 0
for i in range(3):
    count += i
    if count > 2:
        break
print(count)
if count:
    break
print("never printed")
