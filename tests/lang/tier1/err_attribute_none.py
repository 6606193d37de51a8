# Uncaught AttributeError: list.sort() returns None (a classic mistake).
# expect: AttributeError: 'NoneType' object has no attribute 'append'
items = [3, 1, 2]
ordered = sorted(items)
ordered.append(4)
print(items, ordered)
result = items.sort()
print("sort returned", result)
print(sorted(items, reverse=True), items)
result.append(4)
