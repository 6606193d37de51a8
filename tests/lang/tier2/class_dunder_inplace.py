# In-place operators: __iadd__ mutates and returns self; without it += falls back to __add__.
class Bag:
    def __init__(self, items=()):
        self.items = list(items)

    def __add__(self, other):
        print("__add__")
        return Bag(self.items + other.items)

    def __iadd__(self, other):
        print("__iadd__")
        self.items.extend(other.items)
        return self

    def __isub__(self, other):
        for item in other.items:
            self.items.remove(item)
        return self

    def __imul__(self, k):
        self.items = self.items * k
        return self


class Frozen:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        print("Frozen.__add__")
        return Frozen(self.n + other)


a = Bag([1])
alias = a
a += Bag([2, 3])
print(a.items, alias is a, alias.items)
c = a + Bag([9])
print(c.items, c is a)
a -= Bag([1, 3])
print(a.items)
a *= 3
print(a.items, alias is a)
f = Frozen(1)
g = f
f += 10
print(f.n, g.n, f is g)
nums = [1, 2]
same = nums
nums += (3, 4)
print(nums, same is nums)
t = (1, 2)
t += (3,)
print(t)
