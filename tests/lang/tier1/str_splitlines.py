# splitlines recognises \n, \r\n, \r and other line boundaries; keepends keeps them.
s = "one\ntwo\r\nthree\rfour\n\nsix"
print(s.splitlines(), len(s.splitlines()))
print(s.splitlines(True))
print(s.splitlines(keepends=True)[1])
print("trailing\n".splitlines(), "trailing\n".split("\n"), "".splitlines(), "\n".splitlines())
print("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines())
print("no newline".splitlines(), "\r\n\r\n".splitlines(), "\r\r".splitlines(True))
text = """first line
  second line

fourth line"""
for number, line in enumerate(text.splitlines(), 1):
    print(f"{number:2}: {line!r}")
print([len(l) for l in text.splitlines()], max(text.splitlines(), key=len))
