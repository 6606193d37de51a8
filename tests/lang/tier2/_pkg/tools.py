"""Submodule _pkg.tools, importing its sibling with a relative import."""
from .sub import f
from . import VERSION


def twice_f(x):
    return f(f(x))


def version():
    return "tools of " + VERSION
