"""Shared by the fake interpreters: run a stress program as __main__ with its arguments."""
import runpy
import sys


def run_program():
    program = sys.argv[1]
    sys.argv = sys.argv[1:]
    runpy.run_path(program, run_name="__main__")
