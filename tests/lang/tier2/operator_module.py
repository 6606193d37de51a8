# operator: add, mul, itemgetter, attrgetter, methodcaller and friends.
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.mul(4, 5), operator.sub(1, 9), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(-7, 3), operator.pow(2, 10), operator.neg(5))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.not_(0), operator.contains([1, 2], 2))
print(operator.getitem("abc", 1), operator.concat([1], [2]), operator.and_(12, 10))
rows = [("bob", 3, 8.5), ("ann", 1, 9.0), ("cid", 2, 7.25)]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(2, 0), reverse=True))
print(itemgetter(0)(rows), itemgetter(-1, 0)("xyz"), itemgetter("k")({"k": "v"}))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.info = {"tag": name[0]}
    def greet(self, punct):
        return "hi " + self.name + punct
people = [P("zed", 30), P("amy", 25), P("max", 30)]
print([p.name for p in sorted(people, key=attrgetter("age", "name"))])
print(attrgetter("name")(people[0]), attrgetter("name", "age")(people[1]))
print(list(map(methodcaller("greet", "!"), people)), methodcaller("upper")("abc"))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
x = [1]
print(operator.iadd(x, [2]), x)
