# Matrix multiplication, transpose, determinant and identity checks with lists.
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def transpose(m):
    return [list(row) for row in zip(*m)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for col in range(len(m)):
        minor = [row[:col] + row[col + 1:] for row in m[1:]]
        total += (-1) ** col * m[0][col] * det(minor)
    return total
def show(m):
    for row in m:
        print(" ".join(f"{v:5}" for v in row))
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
show(transpose(a))
identity = [[int(i == j) for j in range(3)] for i in range(3)]
print(matmul(b, [[1, 0], [0, 1]]) == b, matmul(identity, transpose(a)) == transpose(a))
m = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print(det(m), det([[1, 2], [3, 4]]), det(identity), det([[0.5, 1.5], [2.0, 4.0]]))
fib = [[1, 1], [1, 0]]
power = [[1, 0], [0, 1]]
for _ in range(90):
    power = matmul(power, fib)
print(power[0][1])
