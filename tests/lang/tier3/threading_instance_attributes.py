# Threads sharing instances: each thread adds its own attributes to one shared object (in its own
# order) and updates private objects, while others read; one thread takes __dict__ midway. The
# results do not depend on the interleaving.
import threading


class Shared:
    pass


class Private:
    def __init__(self, n):
        self.n = n
        self.total = 0


shared = Shared()
shared.start = 0
barrier = threading.Barrier(4)
seen = {}
lock = threading.Lock()


def work(k):
    names = ["t%d_%d" % (k, i) for i in range(8)]
    if k % 2:
        names.reverse()
    barrier.wait()
    mine = [Private(i) for i in range(20)]
    reads = 0
    for round in range(200):
        for name in names:
            setattr(shared, name, round)
        for p in mine:
            p.total += p.n
        for other in range(4):
            value = getattr(shared, "t%d_0" % other, None)
            if value is not None and not 0 <= value < 200:
                raise AssertionError(value)
            reads += value is not None
        if k == 3 and round == 100:
            vars(shared)
    with lock:
        seen[k] = (sum(p.total for p in mine), reads > 0)


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen.items()))
print(len(vars(shared)), sorted(set(vars(shared).values())))
print([getattr(shared, "t%d_%d" % (k, i)) for k in range(4) for i in (0, 7)])
