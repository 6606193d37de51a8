# Item assignment on an object that only supports reading.
# expect: TypeError: 'ReadOnly' object does not support item assignment
class ReadOnly:
    def __init__(self, data):
        self._data = dict(data)
    def __getitem__(self, key):
        return self._data[key]
r = ReadOnly({"a": 1})
print(r["a"])
try_key = "b"
print(try_key in r._data)
r["b"] = 2
