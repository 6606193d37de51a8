# copy.copy vs copy.deepcopy on nested containers and user objects.
import copy

nested = {"list": [1, [2, 3]], "tuple": (4, [5]), "n": 6}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested["list"][1].append("x")
nested["tuple"][1].append("y")
nested["n"] = 0
print(shallow)
print(deep)
print(shallow["list"] is nested["list"], deep["list"] is nested["list"])
class Node:
    def __init__(self, name, children=None):
        self.name = name
        self.children = children or []
    def __repr__(self):
        return f"Node({self.name!r}, {self.children!r})"
tree = Node("root", [Node("a"), Node("b", [Node("b1")])])
c1 = copy.copy(tree)
c2 = copy.deepcopy(tree)
tree.children[1].children.append(Node("b2"))
tree.name = "renamed"
print(c1)
print(c2)
print(c1.children is tree.children, c2.children[0] is tree.children[0])
shared = [1, 2]
pair = [shared, shared]
pair_copy = copy.deepcopy(pair)
print(pair_copy[0] is pair_copy[1], pair_copy[0] is shared)
loop = [1]
loop.append(loop)
loop_copy = copy.deepcopy(loop)
print(loop_copy[1] is loop_copy, loop_copy[0])
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v + 1)
print(copy.copy(Custom(1)).v, copy.copy([1, 2]), copy.copy((1, 2)))
