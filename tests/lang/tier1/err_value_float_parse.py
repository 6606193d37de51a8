# Uncaught ValueError parsing a float.
# expect: ValueError: could not convert string to float: '3,14'
values = ["1.5", "1e3", "inf", "-0.0", "3,14"]
print(float("1_000.5"), float(" 2 "), float("nan") != float("nan"))
print("European decimal commas are not accepted")
print(float("3,14".replace(",", ".")))
print("now parsing each value")
for v in values:
    print(repr(v), float(v))
print("never printed")
