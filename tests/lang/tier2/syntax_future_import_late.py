# A __future__ import after other statements.
# expect: SyntaxError: from __future__ imports must occur at the beginning of the file
"""Docstrings and comments may come first, but no code."""
import sys
from __future__ import annotations

def f(x: int) -> int:
    return x

print(f(1), sys.argv[0])
