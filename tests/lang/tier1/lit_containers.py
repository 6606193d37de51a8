# Container literals: tuple, list, dict, set, nested and empty forms, trailing commas.
print((), (1,), (1, 2), (1, 2,))
t = 1, 2, 3
print(t, type(t))
print([], [1], [1, 2, 3,], [[1, 2], [3]])
print({}, {'a': 1}, {'a': 1, 'b': 2,}, {1: 'one', (1, 2): 'tuple'})
print({1, 2, 3}, {3, 2, 1}, {1, 1, 2, 2}, {5})
print(type(()), type([]), type({}), type({1}))
print(set(), frozenset(), frozenset([1, 2]))
print([(1, 'a'), (2, 'b')])
print({'k': [1, 2, {'n': (3, 4)}]})
print([1, 'two', 3.0, None, True, (), [], {}])
nested = [[[]], [[1]], [[1, 2], [3]]]
print(nested, len(nested), len(nested[2]))
print(((1,),), ((),))
print({'x': {}, 'y': set(), 'z': ()})
print([
    1,
    2,
])
print(len({'a': 1, 'a': 2}), {'a': 1, 'a': 2})
