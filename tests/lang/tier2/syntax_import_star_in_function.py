# from module import * is only allowed at module level.
# expect: SyntaxError: import * only allowed at module level
import math

def area(r):
    from math import *
    return pi * r * r

print(math.floor(area(2)))
print("never printed")
