# Uncaught TypeError ordering an int against a str.
# expect: TypeError: '<' not supported between instances of 'int' and 'str'
print(1 == "1", 1 != "1", [1] == ["1"])
values = [3, 1, 2]
print(sorted(values), min(values))
def smallest(a, b):
    return a if a < b else b
print(smallest(3, 4), smallest("a", "b"))
print(1 < 2.5, "a" < "b", [1] < [2])
print(smallest(5, "5"))
