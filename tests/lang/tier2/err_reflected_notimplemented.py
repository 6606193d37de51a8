# Both the operator and its reflection return NotImplemented.
# expect: TypeError: unsupported operand type(s) for *: 'int' and 'Matrix'
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __mul__(self, k):
        return Matrix([[v * k for v in row] for row in self.rows])
    def __rmul__(self, k):
        return NotImplemented
m = Matrix([[1, 2], [3, 4]]) * 2
print(m.rows)
print((3 * m).rows)
