# from __future__ import annotations: annotations are kept as strings and never evaluated.
from __future__ import annotations
from typing import List, Dict, Optional


class Node:
    def __init__(self, value: int, next: Optional[Node] = None) -> None:
        self.value = value
        self.next = next

    def append(self, value: int) -> Node:
        self.next = Node(value, self.next)
        return self

    def values(self) -> List[int]:
        out: List[int] = []
        node: Optional[Node] = self
        while node is not None:
            out.append(node.value)
            node = node.next
        return out


def index(nodes: List[Node]) -> Dict[int, Node]:
    return {n.value: n for n in nodes}


def uses_undefined_name(x: ThisNameDoesNotExist) -> AlsoUndefined:
    return x


head = Node(1).append(3).append(2)
print(head.values())
print(sorted(index([Node(5), Node(7)])))
print(uses_undefined_name("fine"))
print(Node.append.__annotations__)
print(uses_undefined_name.__annotations__)
print(type(index.__annotations__["nodes"]).__name__)
