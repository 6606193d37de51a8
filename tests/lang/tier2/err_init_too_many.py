# Calling a class with too many arguments.
# expect: TypeError: Pair.__init__() takes 3 positional arguments but 4 were given
class Pair:
    def __init__(self, first, second):
        self.first = first
        self.second = second
    def swap(self):
        return Pair(self.second, self.first)
p = Pair("a", "b").swap()
print(p.first, p.second)
Pair(1, 2, 3)
