# Uncaught TypeError subscripting an int.
# expect: TypeError: 'int' object is not subscriptable
records = [[1, 2], [3, 4], 5, [6]]
print([r for r in records if isinstance(r, list)])
print(len(records), records[0][1], records[-1][0])
print("indexing each record:")
print("the third record is", records[2])
for r in records:
    print("record", r, "first", r[0])
print("never printed")
