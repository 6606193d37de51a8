# Deep recursion within the limit works; past it RecursionError is raised and can be caught.
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(100), depth(900))
sys.setrecursionlimit(5000)
print(depth(4000))
sys.setrecursionlimit(1000)
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught", type(e).__name__, isinstance(e, RuntimeError))
    print(str(e).startswith("maximum recursion depth exceeded"))
print("still works after recovery:", depth(50))
def count_down(n, acc):
    if n == 0:
        return acc
    return count_down(n - 1, acc + [n]) if n % 100 else count_down(n - 1, acc)
print(len(count_down(500, [])))
