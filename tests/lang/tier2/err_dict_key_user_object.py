# A KeyError whose key is a user object uses the object's repr.
# expect: KeyError: Coord(9, 9)
class Coord:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Coord({self.x}, {self.y})"
board = {Coord(0, 0): "rook", Coord(1, 0): "knight"}
print(board[Coord(1, 0)])
print(board[Coord(9, 9)])
