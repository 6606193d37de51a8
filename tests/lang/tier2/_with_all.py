"""Helper module with __all__ for `from _with_all import *`."""
__all__ = ["public_one", "_exported_private"]

def public_one():
    return "public_one"

def public_two():
    return "public_two (not in __all__)"

def _exported_private():
    return "_exported_private (listed in __all__)"
