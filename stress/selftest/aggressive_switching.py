"""Fake interpreter: python3 switching threads every microsecond instead of every 5 ms.

Every program must still pass: this only makes interleavings under a GIL much finer.
Usage: python3 aggressive_switching.py program.py args...
"""
import sys

from _launch import run_program

sys.setswitchinterval(1e-6)
run_program()
