"""Fake interpreter: exits with status 0 without running anything.

Every program must FAIL: a zero exit status without the program's `ok` line proves nothing.
"""
