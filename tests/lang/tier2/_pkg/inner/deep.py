"""Module _pkg.inner.deep, reaching up with `..`."""
from ..sub import shout
from . import DEPTH


def where():
    return shout(__name__) + " depth " + str(DEPTH)
