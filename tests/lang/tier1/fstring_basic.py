# f-strings: expressions, calls, quotes, braces, multi-part and nested f-strings.
name, n = "Stitch", 3
print(f"hello {name}", f"{n} + {n} = {n + n}", f"{name.upper()}{n * 2}")
print(f"{len(name)} chars", f"{[i * i for i in range(n)]}", f"{ {'k': n} }")
print(f"{{literal}}", f"{{{n}}}", f"{{}}", f"a{{b}}c")
print(f"{'single'} {n if n > 2 else 0}", f'{"double"}', F"upper F {n}")
print(f"""triple {name}
second line {n}""")
print(f"{name!r:>10}|", f"{n:03}", f"{n}" f"{n}" "plain" f"{name}")
d = {"a": 1, "b": [1, 2]}
print(f"{d['a']} {d['b'][1]} {len(d)}")
print(f"{n > 2} {n == 3 and name} {None} {3.0} {1e20} {-0.0}")
print(f"{f'{n}' * 2}", f"{'nested ' + f'{name}'}")
items = ["x", "y"]
print(f"{', '.join(items)}", f"{items}", f"{tuple(items)}")
width = 8
print(f"[{name:{width}}]", f"[{name:>{width}}]", f"[{n:^{width}}]")
print(f"{(lambda x: x * 2)(21)}", f"{sum(range(10))}", f"{'%d' % 5}")
print(rf"raw {name}\n", fr"\t{n}")
print(f"{3 + 4 = }", f"{n*2}", f"{n!s:>3}")
total = 0
for i in range(3):
    total += i
    print(f"step {i}: total={total}")
