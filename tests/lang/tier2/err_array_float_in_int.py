# Appending a float to an 'i' array.
# expect: TypeError: 'float' object cannot be interpreted as an integer
from array import array
counts = array("i", [1, 2, 3])
counts.append(4)
print(counts, counts.tolist())
doubles = array("d", [1, 2])
print(doubles)
print(doubles.typecode, counts.typecode)
counts.append(2.5)
