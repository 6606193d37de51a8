# Run-length encoding and decoding of strings.
def encode(s):
    if not s:
        return []
    runs = []
    current, count = s[0], 1
    for ch in s[1:]:
        if ch == current:
            count += 1
        else:
            runs.append((current, count))
            current, count = ch, 1
    runs.append((current, count))
    return runs
def to_text(runs):
    return "".join(f"{n}{c}" if n > 1 else c for c, n in runs)
def decode(runs):
    return "".join(c * n for c, n in runs)
for s in ["aaabccdddd", "abc", "", "zzzzzzzzzzzz", "aabbaa", "日日本本本"]:
    runs = encode(s)
    print(repr(s), runs, to_text(runs), decode(runs) == s)
def parse(text):
    runs, digits = [], ""
    for ch in text:
        if ch.isdigit():
            digits += ch
        else:
            runs.append((ch, int(digits) if digits else 1))
            digits = ""
    return runs
print(decode(parse("3a2bc10d")), parse("x12y"))
