# Uncaught UnboundLocalError: assignment anywhere in a function makes the name local.
# expect: UnboundLocalError: cannot access local variable 'count' where it is not associated with a value
count = 10
def show():
    print("global count", count)
def increment():
    count = count + 1
    return count
show()
print("about to increment")
increment()
