# __index__ must return an int.
# expect: TypeError: __index__ returned non-int (type str)
class Position:
    def __init__(self, value):
        self.value = value
    def __index__(self):
        return self.value
letters = ["a", "b", "c"]
print(letters[Position(1)], letters[Position(-1)])
print(hex(Position(255)))
print(letters[Position("2")])
