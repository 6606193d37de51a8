"""Submodule _pkg.sub."""
print("_pkg.sub: running, __name__ =", __name__)


def f(x):
    return x * 2


def shout(text):
    return text.upper() + "!"
