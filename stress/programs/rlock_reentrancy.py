# rlock_reentrancy: RLock reentrancy under contention.
# All threads take one RLock, then again recursively to a depth of 1..4 chosen
# per step: the outermost acquisition is an explicit acquire() (a third of them
# non-blocking, which may fail under contention) and each recursive level of
# enter() uses `with`. The lock guards `owner` (ident of the holder), `depth` and
# `total`. Every few steps a thread calls release() without holding the lock,
# which must raise RuntimeError.
# Invariants:
#   - on the outermost entry nobody else is inside (owner None, depth 0);
#   - at each nesting level owner is me and depth is my level - 1 on entry;
#   - releasing an RLock one does not hold raises RuntimeError;
#   - total == the sum of the per-thread entries; the lock is free at the end.
import sys
import threading
import time
import random

NAME = "rlock_reentrancy"


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


rlock = threading.RLock()
state = {"owner": None, "depth": 0, "total": 0}


def enter(level, target, me, step):
    with rlock:
        if level == 1 and (state["owner"] is not None or state["depth"] != 0):
            raise AssertionError(f"entered while {state['owner']} holds depth {state['depth']}")
        if level > 1 and (state["owner"] != me or state["depth"] != level - 1):
            raise AssertionError(f"level {level}: owner {state['owner']}, depth {state['depth']}")
        state["owner"] = me
        state["depth"] = level
        state["total"] += 1
        if level < target:
            enter(level + 1, target, me, step)
        elif step % 32 == 0:
            time.sleep(0)  # hold the lock while others contend
        if state["owner"] != me or state["depth"] != level:
            raise AssertionError(f"level {level} on exit: owner {state['owner']}, depth {state['depth']}")
        state["depth"] = level - 1
        if level == 1:
            state["owner"] = None


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    plans = [[random.randint(0, 1023) for _ in range(1024)] for _ in range(thread_count)]
    results = [None] * thread_count
    deadline = time.perf_counter() + seconds

    def worker(index):
        me = threading.get_ident()
        plan = plans[index]
        entries = busy = refused = step = 0
        while time.perf_counter() < deadline:
            for _ in range(256):
                step += 1
                choice = plan[step % 1024]
                target = choice % 4 + 1
                if choice % 16 == 5:
                    try:
                        rlock.release()
                    except RuntimeError:
                        refused += 1
                    else:
                        raise AssertionError("released an RLock this thread did not hold")
                if choice % 3 == 0 and not rlock.acquire(blocking=False):
                    busy += 1
                    continue
                if choice % 3 != 0:
                    rlock.acquire()
                try:
                    enter(1, target, me, step)
                finally:
                    rlock.release()
                entries += target
        results[index] = (entries, busy, refused)

    run_threads(thread_count, worker)
    entries = sum(result[0] for result in results)
    if state["total"] != entries or state["owner"] is not None or state["depth"] != 0:
        fail(f"state {state}, expected total {entries} and a free lock")
    if not rlock.acquire(blocking=False):
        fail("the RLock is still held after every thread finished")
    rlock.release()
    print(f"stress: {NAME} ok threads={thread_count} entries={entries} "
          f"busy={sum(r[1] for r in results)} refused_releases={sum(r[2] for r in results)}")


main()
