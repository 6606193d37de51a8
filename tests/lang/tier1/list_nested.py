# Nested lists: matrices, transpose, flatten, deep indexing and mutation.
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[0], m[1][2], m[-1][-1], len(m), len(m[0]))
print([list(row) for row in zip(*m)])
print([x for row in m for x in row])
print([[row[i] * 2 for row in m] for i in range(3)])
print([sum(row) for row in m], [sum(col) for col in zip(*m)])
print(sum(m[i][i] for i in range(3)), sum(m[i][2 - i] for i in range(3)))
m[1][1] = 0
m[2].append(10)
print(m)
tree = [1, [2, [3, [4, [5]]]]]
node = tree
depth = 0
while isinstance(node, list):
    print("depth", depth, "head", node[0])
    node = node[1] if len(node) > 1 else None
    depth += 1
def flatten(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
print(flatten(tree), flatten([[], [[]], [1, [2, []]]]))
identity = [[1 if i == j else 0 for j in range(4)] for i in range(4)]
for row in identity:
    print(" ".join(str(v) for v in row))
