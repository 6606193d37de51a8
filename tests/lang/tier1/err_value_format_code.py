# Uncaught ValueError for a format code that does not fit the type.
# expect: ValueError: Unknown format code 'd' for object of type 'float'
values = [3, 4, 5.0]
for v in values[:2]:
    print(f"{v:d}", f"{v:05d}")
print(f"{values[2]:.1f}")
print(f"{values[2]:g}", format(values[2], ".0f"), f"{int(values[2]):d}")
print("d is only for integers")
print(f"{True:d}")
print(f"{values[2]:d}")
