# Syntax error: the file never runs, nothing reaches stdout, status 1.
# expect: TabError: inconsistent use of tabs and spaces in indentation
def mixed(n):
    if n > 0:
        result = "positive"
	return result
    return "other"

print(mixed(1))
print("never printed")
