# global declarations: rebinding module names from functions, creating new globals.
counter = 0
def increment():
    global counter
    counter += 1
    return counter
for _ in range(5):
    increment()
print(counter)
def create():
    global created
    created = "made inside function"
create()
print(created)
value = "global"
def shadow():
    value = "local"
    return value
def read():
    return value
print(shadow(), read(), value)
def outer():
    def inner():
        global value
        value = "changed by inner"
    inner()
    return value
print(outer(), value)
total = 0
def add_all(*nums):
    global total
    for n in nums:
        total += n
add_all(1, 2, 3)
add_all(10)
print(total)
