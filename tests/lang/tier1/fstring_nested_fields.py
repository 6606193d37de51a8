# Nested replacement fields inside format specs.
value = 3.14159
for width in (6, 10):
    for precision in (1, 3):
        print(f"[{value:{width}.{precision}f}]", f"[{value:>{width}.{precision}}]")
fill, align, w = "*", "^", 11
print(f"[{'mid':{fill}{align}{w}}]", f"[{42:{fill}>{w}d}]", f"[{42:{'0'}{'>'}{5}}]")
spec = ".2e"
print(f"{12345.678:{spec}}", f"{0.5:{'%'}}", f"{255:{'#x'}}")
rows = [("a", 1.5), ("bbb", 22.25), ("cc", 333.125)]
name_w = max(len(r[0]) for r in rows)
for name, num in rows:
    print(f"{name:<{name_w}} = {num:>{name_w + 6}.{len(name)}f}")
print("{:{}{}{}}".format("x", "-", "^", 7), "{0:{1}}".format(3.5, "08.3f"))
print(format(12, f"{'>'}{8}"), f"{'abc':{len('abcdef')}}|")
