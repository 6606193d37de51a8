# Defining __eq__ without __hash__ sets __hash__ to None: instances are unhashable.
# expect: TypeError: unhashable type: 'Key'
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return self.k == other.k
print(Key(1) == Key(1), Key.__hash__ is None)
keys = [Key(1), Key(2)]
print(len(keys))
lookup = {Key(1): "one"}
print("never printed")
