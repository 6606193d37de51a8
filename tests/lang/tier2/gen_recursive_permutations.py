# Recursive generators: permutations, subsets and tree traversal without itertools.
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for perm in permutations(rest):
            yield [items[i]] + perm

def subsets(items):
    if not items:
        yield []
        return
    for sub in subsets(items[1:]):
        yield sub
        yield [items[0]] + sub

def inorder(tree):
    if tree is None:
        return
    left, value, right = tree
    yield from inorder(left)
    yield value
    yield from inorder(right)

print(["".join(p) for p in permutations("abc")])
print(len(list(permutations([1, 2, 3, 4]))))
print(sorted(subsets([1, 2, 3]), key=lambda s: (len(s), s)))
tree = ((None, 1, None), 2, ((None, 3, None), 4, (None, 5, None)))
print(list(inorder(tree)))
def hanoi(n, src, dst, via):
    if n:
        yield from hanoi(n - 1, src, via, dst)
        yield src, dst
        yield from hanoi(n - 1, via, dst, src)
moves = list(hanoi(3, "A", "C", "B"))
print(len(moves), moves[:4])
