# Uncaught TypeError calling len on an int.
# expect: TypeError: object of type 'int' has no len()
things = ["abc", [1, 2], {"k": 1}, (), range(5), 42]
print(len("four"), len([1, 2]), len({}), len(range(9)))
print(len(str(12345)), "digits in 12345")
print("now len() of each thing")
print(len(things), "things to measure")
for t in things:
    print(repr(t), "has length", len(t))
print("never printed")
