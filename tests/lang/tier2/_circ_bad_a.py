"""A circular import that fails: _circ_bad_b wants a name this module has not defined yet."""
from _circ_bad_b import b_func


def a_func():
    return "a_func"


def run():
    return b_func()
