# ord/chr round trips across ASCII, Latin-1, BMP and astral code points.
for ch in ["A", "a", "0", " ", "~", "\n", "é", "ÿ", "Ā", "€", "日", "\uffff", "😀", "\U0010ffff"]:
    print(repr(ch), ord(ch), hex(ord(ch)), chr(ord(ch)) == ch)
print(chr(65), chr(97), chr(48), chr(0x263A), chr(128512), repr(chr(0)), repr(chr(127)))
print("".join(chr(c) for c in range(ord("a"), ord("f"))), [ord(c) - ord("a") for c in "hello"])
def caesar(text, shift):
    out = []
    for c in text:
        if c.isalpha() and c.isascii():
            base = ord("A") if c.isupper() else ord("a")
            out.append(chr((ord(c) - base + shift) % 26 + base))
        else:
            out.append(c)
    return "".join(out)
print(caesar("Hello, World!", 3), caesar(caesar("Round Trip", 13), 13))
