"""A package for the tier2 import tests."""
print("_pkg: __init__ running, __name__ =", __name__)
VERSION = "1.0"

from . import sub
from .sub import shout
