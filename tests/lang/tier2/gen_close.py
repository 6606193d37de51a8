# generator.close: GeneratorExit at the paused yield, finally blocks run, close is idempotent.
def worker(name):
    print(name, "start")
    try:
        while True:
            item = yield
            print(name, "processing", item)
    except GeneratorExit:
        print(name, "got GeneratorExit")
        raise
    finally:
        print(name, "finally")

w = worker("w")
next(w)
w.send("job1")
w.close()
w.close()
print(next(w, "exhausted after close"))
fresh = worker("fresh")
fresh.close()                 # never started: nothing runs
print("fresh closed")
def counting():
    try:
        yield 1
        yield 2
    finally:
        print("counting cleanup")
for value in counting():
    print("value", value)
    break
print("after break")
def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("exiting quietly")
        return
s = swallow()
next(s)
print(s.close())
c = counting()
print(list(c), list(c))
