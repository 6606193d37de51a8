# generator.send: values flow into the generator through the yield expression.
def echo():
    print("echo started")
    received = None
    while True:
        received = yield f"echo: {received}"
        if received == "stop":
            return

g = echo()
print(next(g))
print(g.send("hello"))
print(g.send(42))
print(next(g))               # next() sends None
try:
    g.send("stop")
except StopIteration as e:
    print("stopped, value:", e.value)
def running_total():
    total = 0
    while True:
        amount = yield total
        total += amount
acc = running_total()
print(acc.send(None))
print([acc.send(x) for x in [5, 10, -3]])
def accumulate_words():
    words = []
    while True:
        word = yield len(words)
        if word is None:
            break
        words.append(word)
    yield " ".join(words)
w = accumulate_words()
next(w)
for token in ["send", "is", "fun"]:
    print(w.send(token))
print(w.send(None))
