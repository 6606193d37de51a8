# The builtin modules named by the language are importable and usable as objects.
import math, sys, time, random, collections, itertools, functools
import enum, abc, array, io, bisect, heapq, copy, operator, typing
mods = [math, sys, time, random, collections, itertools, functools, enum, abc,
        array, io, bisect, heapq, copy, operator, typing]
print([m.__name__ for m in mods])
print(all(type(m).__name__ == "module" for m in mods))
print(hasattr(math, "sqrt"), hasattr(collections, "deque"), hasattr(itertools, "chain"))
print(getattr(operator, "add")(2, 3), getattr(math, "pi") > 3)
import sys as s2
print(s2 is sys)
from sys import setrecursionlimit, getrecursionlimit
old = getrecursionlimit()
setrecursionlimit(old + 10)
print(getrecursionlimit() - old)
setrecursionlimit(old)
