# Uncaught ValueError parsing an int.
# expect: ValueError: invalid literal for int() with base 10: 'abc'
inputs = ["12", " 7 ", "-3", "0x1f", "abc"]
total = 0
for text in inputs:
    if text.startswith("0x"):
        value = int(text, 16)
    else:
        value = int(text)
    total += value
    print(repr(text), "->", value, "total", total)
