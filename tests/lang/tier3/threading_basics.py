# Thread(target=, args=, kwargs=, name=, daemon=), start/join/is_alive, subclassing, identities.
import threading

results = {}
lock = threading.Lock()


def work(key, n, offset=0):
    total = 0
    for i in range(n):
        total += i
    with lock:
        results[key] = total + offset


threads = [threading.Thread(target=work, args=(k, 1000 * (k + 1)), kwargs={"offset": k}) for k in range(4)]
print([t.is_alive() for t in threads])
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print([t.is_alive() for t in threads])
print([t.name for t in threads])
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), len(threading.enumerate()))
print(type(threading.get_ident()).__name__, threading.get_ident() == threading.main_thread().ident)


class Worker(threading.Thread):
    def __init__(self, value):
        super().__init__(name="worker-%d" % value)
        self.value = value
        self.seen = None

    def run(self):
        self.seen = (threading.current_thread() is self, threading.current_thread().name, self.value * 2)


workers = [Worker(i) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.seen for w in workers])
idents = [w.ident for w in workers]
print(all(isinstance(i, int) for i in idents))

t = threading.Thread(target=work, args=("d", 10), daemon=True)
print(t.daemon, threading.Thread(target=work).daemon)
t.start()
t.join(5.0)
print(results["d"], t.is_alive())

for action in (lambda: t.start(), lambda: threading.current_thread().join(), lambda: threading.Thread().join()):
    try:
        action()
    except RuntimeError as error:
        print("RuntimeError:", error)

named = threading.Thread(target=work, name="custom", args=("n", 3))
named.start()
named.join()
print(named.name, results["n"])
