# Uncaught NameError for a closure variable read before the enclosing function assigns it.
# expect: NameError: cannot access free variable 'late_total' where it is not associated with a value in enclosing scope
def outer():
    def inner():
        return late_total * 2
    print("calling inner before late_total exists")
    result = inner()
    late_total = 21
    return result
print("start")
print(outer())
