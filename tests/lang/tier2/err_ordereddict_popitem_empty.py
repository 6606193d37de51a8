# popitem on an empty OrderedDict.
# expect: KeyError: 'dictionary is empty'
from collections import OrderedDict
od = OrderedDict(a=1, b=2)
print(od.popitem(last=False))
print(od.popitem())
print(od, len(od))
print(bool(od))
od.popitem()
print("never printed")
