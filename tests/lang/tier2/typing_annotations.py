# Type annotations on parameters, returns and variables, with typing imports; they do not check.
from typing import List, Dict, Optional, Tuple, Any, Callable, Union

count: int = 5
names: List[str] = ["a", "b"]
lookup: Dict[str, int] = {"a": 1}
maybe: Optional[int] = None
declared_only: float

def scale(values: List[float], factor: float = 2.0) -> List[float]:
    return [v * factor for v in values]

def find(table: Dict[str, int], key: str) -> Optional[int]:
    return table.get(key)

def apply(func: Callable[[int], int], x: int) -> int:
    return func(x)

def pair(a: Any, b: Union[int, str]) -> Tuple[Any, Union[int, str]]:
    return a, b

class Point:
    x: int
    y: int = 0
    def __init__(self, x: int, y: int = 0) -> None:
        self.x = x
        self.y = y

print(count, names, lookup, maybe)
print(scale([1.0, 2.5]), scale([1], factor=3))
print(find(lookup, "a"), find(lookup, "z"))
print(apply(lambda n: n * n, 7), pair("x", 3))
print(scale(["ab"], factor=2))            # annotations are not enforced
print(sorted(scale.__annotations__), find.__annotations__["key"].__name__)
print(Point(3).x, Point(3).y, Point.y, "x" in Point.__annotations__)
print(hasattr(Point, "x"), "declared_only" in __annotations__)
def untyped(a, b):
    return a
print(untyped.__annotations__)
