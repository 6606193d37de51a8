# Lock and RLock: acquire(blocking, timeout), release, locked, context managers, CPython's errors.
import threading

lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(True, 0.01), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
with lock:
    print("inside", lock.locked())
print("after", lock.locked())

attempts = [
    lambda: lock.release(),
    lambda: lock.acquire(False, 1),
    lambda: lock.acquire(True, -2),
    lambda: lock.acquire(1, 2, 3),
    lambda: lock.acquire(foo=1),
    lambda: lock.acquire(timeout="x"),
    lambda: threading.RLock().release(),
]
for attempt in attempts:
    try:
        attempt()
    except Exception as error:
        print(type(error).__name__ + ":", error)

rlock = threading.RLock()
print(rlock.acquire(), rlock.acquire(), rlock.acquire(blocking=False))
rlock.release()
rlock.release()
rlock.release()
try:
    rlock.release()
except RuntimeError as error:
    print("RuntimeError:", error)
with rlock:
    with rlock:
        print("nested")

# Another thread cannot take a lock this thread holds; it may release a plain Lock.
held = threading.Lock()
held.acquire()
outcome = []


def try_take():
    outcome.append(held.acquire(timeout=0.05))
    outcome.append(rlock.acquire(blocking=False))


rlock.acquire()
t = threading.Thread(target=try_take)
t.start()
t.join()
rlock.release()
print(outcome)


def release_other():
    held.release()


t = threading.Thread(target=release_other)
t.start()
t.join()
print(held.locked())

counter = [0]
guard = threading.Lock()


def add(n):
    for _ in range(n):
        with guard:
            counter[0] += 1


threads = [threading.Thread(target=add, args=(2000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter[0])

# repr shows the state, the owner's ident and the depth.
shown = threading.RLock()
print(repr(shown).split(" at ")[0])
shown.acquire()
shown.acquire()
print(repr(shown).split(" at ")[0].replace(str(threading.get_ident()), "ME"))
shown.release()
shown.release()
print(repr(threading.Lock()).split(" at ")[0])
