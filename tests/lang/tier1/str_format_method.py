# str.format with automatic, positional, keyword and indexed fields, conversions and specs.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0} {2}".format("a", "b", "c"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Bo", age=7), "{0} {x}".format(1, x=2))
print("{0[0]} {0[2]} {1[key]} {1[k2]}".format([10, 20, 30], {"key": "v", "k2": 5}))
print("{[1]} {[a]}".format("xyz", {"a": "A"}), "{0[1][0]}".format([[1], [2, 3]]))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{0!r:>6}".format("x"))
print("{:>8}|{:<8}|{:^8}|{:*^9}|".format("r", "l", "c", "s"))
print("{:.2f} {:+d} {:,} {:_b} {:#x} {:08.3f} {:e} {:%}".format(3.14159, 5, 10 ** 6, 255, 255, -2.5, 1234.5, 0.25))
print("{:{}}|{:{}.{}f}|{:{fill}>{w}}".format("a", 4, 2.71828, 8, 3, "z", fill="-", w=5))
print("{{}} {{{}}} {{0}}".format("x"), "{}".format({"a": 1}), "{}".format([None]))
data = {"city": "Oslo", "temp": -3.5}
print("{city}: {temp:+.1f}C".format(**data), "{0}-{1}-{2}".format(*"abc"))
row = "{:<6}|{:>6}|{:^6}"
print(row.format("left", "right", "mid"), row.format(1, 2.5, True))
print("{:d}".format(True), "{:s}".format("s"), "{}".format(2 ** 70), "{:g}".format(1e16))
print("{0:{1}}".format("pad", 6) + "|", "{:=+8.2f}".format(3.5), "{:c}".format(9731))
