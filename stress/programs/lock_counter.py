# lock_counter: a shared counter under one threading.Lock.
# Three counters are guarded by the same Lock: a module global, an attribute of a
# shared object and an entry of a shared dict. Each increment reads, then writes,
# and every 64th one sleeps (time.sleep(0)) inside the critical section, so a lock
# that fails to exclude is caught even by an interpreter with a GIL.
# Both forms are used: `with lock:` and explicit acquire()/release().
# Invariants:
#   - inside the lock the three counters are always equal;
#   - at the end each equals the sum of the per-thread increments exactly;
#   - the lock is free at the end (a non-blocking acquire succeeds).
import sys
import threading
import time
import random

NAME = "lock_counter"
PLAN_LENGTH = 1024


def fail(message):
    print(f"stress: {NAME} FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def parse_args(argv):
    """--seed S --threads N --seconds T, parsed by hand: Stitch has no argparse."""
    options = {"--seed": "1", "--threads": "4", "--seconds": "2"}
    for i in range(1, len(argv), 2):
        if argv[i] not in options or i + 1 >= len(argv):
            fail(f"usage: {argv[0]} [--seed S] [--threads N] [--seconds T]")
        options[argv[i]] = argv[i + 1]
    return int(options["--seed"]), max(1, int(options["--threads"])), float(options["--seconds"])


def run_threads(count, worker):
    """Runs worker(index) on count threads and joins them; an exception in any fails the run."""
    errors = []

    def guarded(index):
        try:
            worker(index)
        except BaseException as error:
            errors.append(f"thread {index}: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=guarded, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        fail("; ".join(errors))


class Tally:
    def __init__(self):
        self.value = 0


lock = threading.Lock()
counter = 0
tally = Tally()
table = {"hits": 0}


def increment(step):
    global counter
    seen = counter
    if step % 64 == 0:
        time.sleep(0)  # let other threads run while we hold the lock
    if tally.value != seen or table["hits"] != seen:
        raise AssertionError(f"counters diverged under the lock: {seen} {tally.value} {table['hits']}")
    counter = seen + 1
    tally.value = tally.value + 1
    table["hits"] = table["hits"] + 1


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    plans = [[random.randint(0, 3) for _ in range(PLAN_LENGTH)] for _ in range(thread_count)]
    done = [0] * thread_count
    deadline = time.perf_counter() + seconds

    def worker(index):
        plan = plans[index]
        mine = step = 0
        while time.perf_counter() < deadline:
            for _ in range(256):
                step += 1
                if plan[step % PLAN_LENGTH] == 0:
                    lock.acquire()
                    try:
                        increment(step)
                    finally:
                        lock.release()
                else:
                    with lock:
                        increment(step)
                mine += 1
        done[index] = mine

    run_threads(thread_count, worker)
    expected = sum(done)
    if counter != expected or tally.value != expected or table["hits"] != expected:
        fail(f"global {counter}, attribute {tally.value}, dict {table['hits']}: expected {expected}")
    if not lock.acquire(False):
        fail("the lock is still held after every thread finished")
    lock.release()
    print(f"stress: {NAME} ok threads={thread_count} increments={expected}")


main()
