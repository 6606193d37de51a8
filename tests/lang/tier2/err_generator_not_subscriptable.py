# Generators are not sequences: no indexing, no len.
# expect: TypeError: 'generator' object is not subscriptable
def squares(n):
    for i in range(n):
        yield i * i
g = squares(5)
print(list(g))
as_list = list(squares(5))
print(as_list[2], len(as_list))
gen = squares(5)
print(gen[2])
