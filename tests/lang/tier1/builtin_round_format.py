# round() and format() used together as programs do for reports.
prices = [1.005, 2.675, 10.0, 0.125, 99.995, 1234.5]
for p in prices:
    print(p, round(p, 2), format(p, ".2f"), f"{round(p, 1):>8}", format(round(p), ","))
print(round(-1.5), round(-2.5), round(1.55, 1), round(1.45, 1), round(0.05, 1))
print(format(1 / 3, ".3f"), format(2 / 3, ".0%"), format(1e6, ".2e"), format(123, "08.2f"))
print(round(123.456, -1), round(123.456, -2), round(123, -1), round(-123, -2), round(155, -1))
total = sum([19.99, 5.01, 0.1])
print(total, round(total, 2), f"{total:.2f}", format(total, "10.3f") + "|")
for digits in range(4):
    print(digits, round(2.675, digits), round(-2.675, digits), format(2.675, f".{digits}f"))
