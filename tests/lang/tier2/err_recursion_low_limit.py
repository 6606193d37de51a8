# Lowering the recursion limit makes moderately deep recursion fail.
# expect: RecursionError: maximum recursion depth exceeded
import sys
def nest(n):
    return n if n == 0 else nest(n - 1)
print(nest(150))
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
print(nest(50))
print(nest(150))
