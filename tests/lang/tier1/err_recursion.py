# Unbounded recursion ends in RecursionError, never a native stack overflow.
# expect: RecursionError: maximum recursion depth exceeded
def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)
print(countdown(10), countdown(500))
def forever(n):
    return forever(n + 1) + 1
print("starting unbounded recursion")
forever(0)
