# A value outside the range of a signed char array.
# expect: OverflowError: signed char is greater than maximum
from array import array
small = array("b", [1, -1, 127, -128])
print(small)
small.append(100)
print(small.tolist())
print(small.typecode, small.itemsize)
small.append(128)
print("never printed")
