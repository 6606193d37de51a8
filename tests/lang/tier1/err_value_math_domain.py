# Uncaught ValueError from math.sqrt of a negative number.
# expect: ValueError: math domain error
import math
def roots(a, b, c):
    d = b * b - 4 * a * c
    s = math.sqrt(d)
    return (-b + s) / (2 * a), (-b - s) / (2 * a)
print(roots(1, -3, 2))
print(roots(1, 2, 1))
print(roots(1, 0, 1))
