# Uncaught TypeError unpacking a non-iterable.
# expect: TypeError: cannot unpack non-iterable int object
pairs = [(1, 2), [3, 4], "ab", 5]
print("strings unpack into characters:", *"ab")
a, b = 1, 2
print(a, b)
for item in pairs:
    a, b = item
    print("unpacked", a, b)
print("never printed")
