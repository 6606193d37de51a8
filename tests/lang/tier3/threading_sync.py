# Event, Condition (wait/wait_for/notify/notify_all), Semaphore, BoundedSemaphore, Barrier.
import threading

event = threading.Event()
print(event.is_set(), event.wait(0.01))
flags = []


def waiter():
    flags.append(event.wait(5))


threads = [threading.Thread(target=waiter) for _ in range(3)]
for t in threads:
    t.start()
event.set()
for t in threads:
    t.join()
print(flags, event.is_set())
event.clear()
print(event.is_set())

# Producer/consumer over one Condition.
condition = threading.Condition()
items = []
consumed = []


def consumer():
    while True:
        with condition:
            condition.wait_for(lambda: items)
            item = items.pop(0)
        if item is None:
            return
        consumed.append(item)


c = threading.Thread(target=consumer)
c.start()
for i in range(20):
    with condition:
        items.append(i)
        condition.notify()
with condition:
    items.append(None)
    condition.notify_all()
c.join()
print(consumed)

try:
    condition.wait()
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    condition.notify()
except RuntimeError as error:
    print("RuntimeError:", error)
with condition:
    print(condition.wait(0.01), condition.wait_for(lambda: 42, 0.01))

semaphore = threading.Semaphore(2)
print(semaphore.acquire(), semaphore.acquire(), semaphore.acquire(False), semaphore.acquire(timeout=0.01))
semaphore.release(2)
with semaphore:
    print("in semaphore")
bounded = threading.BoundedSemaphore(1)
for action in (lambda: bounded.release(), lambda: threading.Semaphore(-1), lambda: semaphore.acquire(False, 1)):
    try:
        action()
    except ValueError as error:
        print("ValueError:", error)

barrier = threading.Barrier(3)
indices = []
lock = threading.Lock()


def meet():
    index = barrier.wait()
    with lock:
        indices.append(index)


threads = [threading.Thread(target=meet) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), barrier.parties, barrier.n_waiting, barrier.broken)

broken = threading.Barrier(2)
errors = []


def stuck():
    try:
        broken.wait()
    except threading.BrokenBarrierError:
        errors.append("broken")


t = threading.Thread(target=stuck)
t.start()
while broken.n_waiting == 0:
    pass
broken.abort()
t.join()
print(errors, broken.broken, issubclass(threading.BrokenBarrierError, RuntimeError))
try:
    broken.wait()
except threading.BrokenBarrierError as error:
    print("BrokenBarrierError", repr(str(error)))
