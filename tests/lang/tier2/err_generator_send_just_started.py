# A fresh generator can only be sent None.
# expect: TypeError: can't send non-None value to a just-started generator
def echo():
    while True:
        value = yield
        print("got", value)
ok = echo()
ok.send(None)
ok.send("hello")
bad = echo()
bad.send("too early")
