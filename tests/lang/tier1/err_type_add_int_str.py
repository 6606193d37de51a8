# Uncaught TypeError adding int and str.
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
def total(items):
    result = 0
    for item in items:
        result = result + item
        print("running total", result)
    return result
print(total([1, 2, 3]))
print(total([4, "5", 6]))
