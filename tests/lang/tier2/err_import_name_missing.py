# from a builtin module import a name it does not define (no path in the message).
# expect: ImportError: cannot import name 'nothere' from 'sys' (unknown location)
from sys import argv, setrecursionlimit
print(len(argv) >= 1)
try:
    from sys import alsomissing
except ImportError as e:
    print(type(e).__name__, e.name)
print(callable(setrecursionlimit))
from sys import nothere
print("never printed")
