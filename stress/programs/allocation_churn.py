# allocation_churn: allocation churn where memory must stay bounded.
# Each thread keeps building lists, dicts, strings, tuples, sets and big ints,
# keeps the newest RING of them in a ring (dropping the one it replaces) and every
# 8th step swaps one object with a shared exchange slot, so some objects die in a
# thread other than their creator. Before dropping an object, or after taking one
# from the exchange, the thread rebuilds it from (kind, n) and compares.
# Invariants:
#   - every object still referenced is intact (equal to a fresh build of its recipe);
#   - the live set is bounded (RING per thread + EXCHANGE slots), so peak RSS must
#     stay flat however long it runs: the runner measures it (--max-rss-mb).
import sys
import threading
import time
import random

NAME = "allocation_churn"
RING = 32
EXCHANGE = 16
KINDS = 6


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


def build(kind, n):
    if kind == 0:
        return [n + i for i in range(16)]
    if kind == 1:
        return {str(i): i * n for i in range(8)}
    if kind == 2:
        return "x" * (n % 64) + str(n)
    if kind == 3:
        return (n, [n, n + 1], "t" + str(n))
    if kind == 4:
        return set(range(n % 32, n % 32 + 12))
    return (1 << (64 + n % 256)) + n  # a big int


def check(entry):
    kind, n, value = entry
    if value != build(kind, n):
        raise AssertionError(f"object of kind {kind} built from {n} is now {value!r}")


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    starts = [random.randint(0, 1 << 24) for _ in range(thread_count)]
    exchange = [(5, i, build(5, i)) for i in range(EXCHANGE)]
    allocations = [0] * thread_count
    deadline = time.perf_counter() + seconds

    def worker(index):
        ring = [None] * RING
        n = starts[index]
        while time.perf_counter() < deadline:
            for _ in range(256):
                n += 1
                kind = n % KINDS
                slot = n % RING
                if ring[slot] is not None:
                    check(ring[slot])
                ring[slot] = (kind, n, build(kind, n))
                allocations[index] += 1
                if n % 8 == 0:
                    position = (n // 8) % EXCHANGE
                    theirs = exchange[position]
                    exchange[position] = ring[slot]
                    check(theirs)
                    ring[slot] = theirs

    run_threads(thread_count, worker)
    for entry in exchange:
        check(entry)
    print(f"stress: {NAME} ok threads={thread_count} allocations={sum(allocations)}")


main()
