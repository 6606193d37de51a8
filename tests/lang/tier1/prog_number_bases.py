# Converting numbers between bases by hand and checking against the builtins.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, base):
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(DIGITS[r])
    return sign + "".join(reversed(out))
def from_base(s, base):
    sign = -1 if s.startswith("-") else 1
    total = 0
    for ch in s.lstrip("-"):
        total = total * base + DIGITS.index(ch)
    return sign * total
for n in [0, 5, 255, -255, 1000, 2 ** 64, -(3 ** 40)]:
    row = [to_base(n, b) for b in (2, 8, 16, 36)]
    print(n, row, all(from_base(r, b) == n for r, b in zip(row, (2, 8, 16, 36))))
print(to_base(255, 16) == hex(255)[2:], to_base(-8, 2) == bin(-8).replace("0b", ""))
print(all(int(to_base(n, b), b) == n for n in range(-50, 50) for b in range(2, 37)))
