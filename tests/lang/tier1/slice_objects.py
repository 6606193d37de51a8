# slice objects: attributes, repr, use with sequences, indices().
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, type(s).__name__)
print(slice(5), slice(None, None, -1), slice(2, None), slice("a", "b"))
data = list(range(10))
text = "abcdefghij"
print(data[s], text[s], tuple(data)[s], range(10)[s])
print(data[slice(None, None, -3)], text[slice(-3, None)], data[slice(None, 2)])
print(s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(10))
first_three = slice(0, 3)
last_two = slice(-2, None)
for seq in [data, text, (1, 2, 3, 4)]:
    print(seq[first_three], seq[last_two])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
data[slice(0, 2)] = ["x", "y", "z"]
print(data)
del data[slice(None, None, 2)]
print(data)
