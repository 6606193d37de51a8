# threading.local: per-thread attribute namespaces; a subclass's __init__ runs once per thread.
import threading

data = threading.local()
data.x = 1
seen = []


def child():
    seen.append(hasattr(data, "x"))
    data.x = 2
    seen.append(data.x)
    del data.x
    seen.append(getattr(data, "x", "missing"))


t = threading.Thread(target=child)
t.start()
t.join()
print(seen, data.x)
try:
    print(data.y)
except AttributeError:
    print("AttributeError")
print(getattr(data, "y", "default"), hasattr(data, "x"))


class Config(threading.local):
    created = 0

    def __init__(self, level):
        self.level = level
        self.items = []

    def describe(self):
        return "level %d with %d items" % (self.level, len(self.items))


config = Config(3)
config.items.append("main")
reports = []


def use_config(n):
    for i in range(n):
        config.items.append(i)
    reports.append(config.describe())


threads = [threading.Thread(target=use_config, args=(n,)) for n in (1, 2)]
for t in threads:
    t.start()
    t.join()
print(reports, config.describe())
try:
    threading.local(1)
except TypeError as error:
    print("TypeError:", error)
