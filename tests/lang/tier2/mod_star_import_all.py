# from module import * honours __all__ (even for underscore names in it).
from _with_all import *

print(public_one())
print(_exported_private())
print("public_two" in dir(), "public_one" in dir())
import _with_all
print(_with_all.__all__)
print(_with_all.public_two())
names = sorted(n for n in dir() if "public" in n or "exported" in n)
print(names)
from math import *
print(sqrt(2) == 2 ** 0.5, floor(pi), e > 2.7)
print(ceil(1.1), "fsum" in dir())
