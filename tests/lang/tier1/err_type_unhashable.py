# Uncaught TypeError using a list as a dict key.
# expect: TypeError: unhashable type: 'list'
seen = {}
for key in [(1, 2), "ab", 3, frozenset({4})]:
    seen[key] = True
    print("stored", key)
print(len(seen))
bad = [1, 2]
seen[bad] = True
print("never printed")
