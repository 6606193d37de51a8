# A mapping-like class: __getitem__, __setitem__, __delitem__, __contains__, __len__, __iter__.
class CaseInsensitiveDict:
    def __init__(self):
        self._data = {}

    def __setitem__(self, key, value):
        print("set", key)
        self._data[key.lower()] = (key, value)

    def __getitem__(self, key):
        return self._data[key.lower()][1]

    def __delitem__(self, key):
        print("del", key)
        del self._data[key.lower()]

    def __contains__(self, key):
        return key.lower() in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return (original for original, _ in self._data.values())


d = CaseInsensitiveDict()
d["Content-Type"] = "text/plain"
d["ACCEPT"] = "*/*"
d["content-type"] = "text/html"
print(len(d), d["CONTENT-TYPE"], d["accept"])
print("Accept" in d, "Host" in d, "host" not in d)
print(list(d), sorted(d))
del d["Accept"]
print(len(d), list(d))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, pos):
        row, col = pos
        return self.cells.get((row, col), ".")
    def __setitem__(self, pos, value):
        self.cells[pos] = value
g = Grid()
g[0, 1] = "#"
g[2, 2] = "@"
for r in range(3):
    print("".join(g[r, c] for c in range(3)))
