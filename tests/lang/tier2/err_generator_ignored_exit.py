# A generator that keeps yielding after GeneratorExit.
# expect: RuntimeError: generator ignored GeneratorExit
def stubborn():
    while True:
        try:
            yield "still here"
        except GeneratorExit:
            print("ignoring close()")
g = stubborn()
print(next(g))
print(next(g))
g.close()
