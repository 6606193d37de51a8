# Uncaught ValueError from chr out of range.
# expect: ValueError: chr() arg not in range(0x110000)
for code in [65, 0x263A, 0x10FFFF]:
    print(code, repr(chr(code)))
code = 0x10FFFF + 1
print("trying", hex(code))
print(chr(0x10FFFF) == "\U0010ffff", ord(chr(0x10FFFF)))
print(hex(0x10FFFF + 1))
print("highest code point:", 0x10FFFF)
print(chr(code))
