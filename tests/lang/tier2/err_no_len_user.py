# len() of an object without __len__.
# expect: TypeError: object of type 'Stream' has no len()
class Stream:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(self.n))
s = Stream(3)
print(list(s), sum(s))
print(len(list(s)))
print(len(s))
