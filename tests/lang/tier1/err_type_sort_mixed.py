# Uncaught TypeError sorting a list that mixes str and int.
# expect: TypeError: '<' not supported between instances of 'str' and 'int'
data = [5, 3, 9]
print(sorted(data), sorted(map(str, data)))
data.append("7")
print(data, len(data))
print(sorted([5, 3, 9, 7]), sorted(["7", "10"]))
print("mixing types breaks ordering")
data.sort()
print("never printed")
