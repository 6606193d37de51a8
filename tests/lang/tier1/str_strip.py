# strip, lstrip, rstrip with default whitespace and explicit character sets.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")))
print(repr("abcHELLOcba".strip("abc")), repr("www.example.com".strip("wcom.")))
print(repr("".strip()), repr("   ".strip()), repr("a".strip("a")), repr("ab".strip("")))
print(repr("\u00a0 nbsp \u2003".strip()), repr("\x1c\x1d x \x1e\x1f".strip()))
print(repr("--==text==--".strip("-=")), repr("123abc321".strip("123")))
lines = ["  alpha  ", "\tbeta\n", "gamma   ", "   delta"]
print([l.strip() for l in lines], [l.rstrip() for l in lines], [l.lstrip() for l in lines])
print(repr("path/to/dir///".rstrip("/")), repr("0000120".lstrip("0")), repr("0000".lstrip("0")))
print(repr("  x  ".strip(None)), repr("aaa".lstrip("a")), repr("banana".strip("an")))
