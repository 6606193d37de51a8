# Conversion flags !r !s !a and the self-documenting = specifier.
s = "it's\n"
n = 42
x = 2.5
lst = ["a", 1]
print(f"{s!r}", f"{s!s}", f"{s!a}", f"{'é😀'!a}", f"{'é'!r}")
print(f"{n!r} {n!s} {x!r} {lst!r} {lst!s} {None!r}")
print(f"{s!r:>15}|", f"{'ab'!r:^8}|", f"{n!s:>5}|")
print(f"{n=}", f"{x=}", f"{s=}", f"{lst=}")
print(f"{n = }", f"{n*2=}", f"{n + 1 = }", f"{x=:.3f}", f"{x = :>8}")
print(f"{s=!s}", f"{n=!r}", f"{'text'=}", f"{len(lst)=}")
value = 1 / 3
print(f"{value=:.2%}", f"{value = :.4}", f"{value=!r:>25}")
d = {"key": "v"}
print(f"{d['key']=}", f"{d=}")
print(f"{n=}{x=}", f"{ n = }")
