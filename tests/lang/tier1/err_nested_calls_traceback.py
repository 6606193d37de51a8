# An exception raised four calls deep propagates out; each frame appears in the traceback.
# expect: IndexError: list index out of range
def level4(data, i):
    return data[i]
def level3(data, i):
    return level4(data, i) * 2
def level2(data, i):
    return level3(data, i) + 1
def level1(data):
    return [level2(data, i) for i in range(len(data) + 1)]
print(level2([5, 6], 1))
print(level1([1, 2, 3]))
