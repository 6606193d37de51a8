# Rebinding a closure variable without nonlocal makes it local (3.11 message).
# expect: UnboundLocalError: cannot access local variable 'count' where it is not associated with a value
def make_counter():
    count = 0
    def peek():
        return count
    def increment():
        count += 1
        return count
    return peek, increment
peek, increment = make_counter()
print(peek())
increment()
