# sys.setrecursionlimit / getrecursionlimit: deeper recursion after raising the limit.
import sys

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

old = sys.getrecursionlimit()
print(depth(500))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(8000)
print(sys.getrecursionlimit())
print(depth(5000))
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
def count_down(n):
    if n == 0:
        return "done"
    return count_down(n - 1)
print(count_down(900))
