# x = yield from g(): the value returned by the sub-generator; send passes through.
def averager():
    total, count = 0, 0
    while True:
        value = yield
        if value is None:
            return total / count if count else None
        total += value
        count += 1

def collect(results, key):
    results[key] = yield from averager()
    print("collected", key)

results = {}
for key, values in [("a", [1, 2, 3, 4]), ("b", [10]), ("c", [])]:
    group = collect(results, key)
    next(group)
    for v in values:
        group.send(v)
    try:
        group.send(None)
    except StopIteration:
        pass
print(results)
def sub():
    yield 1
    yield 2
    return "sub result"
def main():
    first = yield from sub()
    print("first:", first)
    second = yield from sub()
    print("second:", second)
    return first + " & " + second
g = main()
print(list(g))
def wrapper():
    result = yield from main()
    yield "wrapper saw: " + result
print(list(wrapper()))
def no_return():
    yield "x"
def takes_none():
    r = yield from no_return()
    yield r
print(list(takes_none()))
