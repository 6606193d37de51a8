# Nested functions: helpers, recursion inside, returning and storing functions.
def outer(n):
    def helper(k):
        return k * k
    def rec(k):
        return 0 if k == 0 else helper(k) + rec(k - 1)
    return rec(n)
print(outer(3), outer(10))
def pipeline():
    steps = []
    def step(fn):
        steps.append(fn)
        return fn
    def run(v):
        for s in steps:
            v = s(v)
        return v
    return step, run
step, run = pipeline()
def plus_one(v):
    return v + 1
def times_two(v):
    return v * 2
step(plus_one)
step(times_two)
step(plus_one)
print(run(5), run(0))
def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3()
    return level2()
print(level1())
dispatch = {"sq": lambda v: v * v, "neg": lambda v: -v, "id": lambda v: v}
print({k: f(7) for k, f in dispatch.items()})
def apply_twice(f, v):
    return f(f(v))
print(apply_twice(times_two, 3), apply_twice(lambda s: s + "!", "hi"))
print(outer.__name__, plus_one.__name__, callable(outer), callable(outer(1)))
