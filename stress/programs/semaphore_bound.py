# semaphore_bound: a Semaphore bounding concurrency.
# Semaphore(LIMIT) with LIMIT = max(1, threads // 2). Threads acquire it (blocking,
# non-blocking, or with `with`), register as holders in a counter guarded by a
# separate Lock, sometimes yield while holding it, unregister and release.
# Invariants:
#   - the number of simultaneous holders never exceeds LIMIT (max tracked);
#   - at the end there are no holders, and the semaphore is back to LIMIT: exactly
#     LIMIT non-blocking acquires succeed and the next one fails;
#   - the holder counter saw exactly the successful acquisitions.
import sys
import threading
import time
import random

NAME = "semaphore_bound"


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


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    plans = [[random.randint(0, 1023) for _ in range(1024)] for _ in range(thread_count)]
    limit = max(1, thread_count // 2)
    semaphore = threading.Semaphore(limit)
    guard = threading.Lock()
    holders = {"now": 0, "max": 0, "entries": 0}
    results = [None] * thread_count
    deadline = time.perf_counter() + seconds

    def hold(step):
        with guard:
            holders["now"] += 1
            holders["entries"] += 1
            if holders["now"] > limit:
                raise AssertionError(f"{holders['now']} holders of a semaphore of {limit}")
            holders["max"] = max(holders["max"], holders["now"])
        if step % 16 == 0:
            time.sleep(0)  # hold it while others contend
        with guard:
            holders["now"] -= 1

    def worker(index):
        plan = plans[index]
        acquired = refused = step = 0
        while time.perf_counter() < deadline:
            for _ in range(256):
                step += 1
                mode = plan[step % 1024] % 3
                if mode == 0:
                    with semaphore:
                        hold(step)
                else:
                    if mode == 1:
                        semaphore.acquire()
                    elif not semaphore.acquire(blocking=False):
                        refused += 1
                        continue
                    try:
                        hold(step)
                    finally:
                        semaphore.release()
                acquired += 1
        results[index] = (acquired, refused)

    run_threads(thread_count, worker)
    acquired = sum(result[0] for result in results)
    if holders["now"] != 0 or holders["entries"] != acquired or holders["max"] > limit:
        fail(f"holders {holders}, expected none now, {acquired} entries, max <= {limit}")
    grants = 0
    while grants <= limit and semaphore.acquire(blocking=False):
        grants += 1
    if grants != limit:
        fail(f"the semaphore granted {grants} non-blocking acquires at the end, expected {limit}")
    print(f"stress: {NAME} ok threads={thread_count} limit={limit} acquisitions={acquired} "
          f"max_holders={holders['max']} refused={sum(result[1] for result in results)}")


main()
