# Default argument values are evaluated once, when the def statement runs.
base = 10
def f(x, y=base, z=base * 2):
    return x, y, z
base = 99
print(f(1), f(1, 2), f(1, 2, 3), f(1, z=0))
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
def none_default(items=None):
    if items is None:
        items = []
    items.append(len(items))
    return items
print(none_default(), none_default(), none_default([5]))
def count_calls():
    count_calls.n += 1
    return count_calls.n
count_calls.n = 0
def uses_call(v=count_calls()):
    return v
print(uses_call(), uses_call(), count_calls.n)
print(f(0)[1:], greet("Ed", "Hey", ""), none_default(None))
def power(b, e=2):
    return b ** e
print([power(i) for i in range(5)], [power(2, e) for e in range(5)])
