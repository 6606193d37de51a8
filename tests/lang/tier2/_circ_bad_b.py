"""Imports a name from _circ_bad_a while _circ_bad_a is still initialising."""
from _circ_bad_a import a_func


def b_func():
    return "b_func calls " + a_func()
