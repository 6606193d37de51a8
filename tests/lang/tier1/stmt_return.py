# return: no value, multiple values, early exit from loops and nested blocks.
def nothing():
    return
def pair():
    return 1, 2
def first_negative(nums):
    for i, n in enumerate(nums):
        if n < 0:
            return i
    return -1
def nested(x):
    if x > 0:
        for i in range(10):
            while True:
                if i == x:
                    return f"hit {i}"
                break
    return "miss"
print(nothing(), pair(), type(pair()).__name__)
a, b = pair()
print(a + b)
print(first_negative([3, 1, -4, -1]), first_negative([1, 2]), first_negative([]))
print(nested(3), nested(0), nested(20))
def sign_list(n):
    return [] if n == 0 else ["+"] * n if n > 0 else ["-"] * -n
print(sign_list(2), sign_list(0), sign_list(-3))
def implicit():
    x = 5
print(implicit(), [nothing() for _ in range(2)])
