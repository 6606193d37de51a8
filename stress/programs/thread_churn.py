# thread_churn: creating, starting and joining short threads from several threads.
# Every thread is a spawner: in a loop it creates a batch of 4 children, starts
# them and joins them. A child squares its argument and stores the result with
# threading.get_ident() and current_thread().name into the slot its spawner gave it,
# then waits at a per-batch Barrier so that the whole batch is alive at once.
# Invariants:
#   - every child ran exactly once and stored the right result;
#   - inside a child, current_thread() is the Thread object the spawner created;
#   - idents of children alive at the same time (one batch) are distinct and differ
#     from their spawner's;
#   - at the end only the main thread is alive (active_count() == 1).
import sys
import threading
import time
import random

NAME = "thread_churn"
BATCH = 4


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


def child(slots, position, value, gate):
    slots[position] = (value * value, threading.get_ident(), threading.current_thread().name)
    gate.wait()  # every child of the batch has stored its ident before any of them exits


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    bases = [random.randint(0, 1 << 20) for _ in range(thread_count)]
    created = [0] * thread_count
    deadline = time.perf_counter() + seconds

    def worker(index):
        value = bases[index]
        me = threading.get_ident()
        while time.perf_counter() < deadline:
            slots = [None] * BATCH
            gate = threading.Barrier(BATCH)
            children = []
            for position in range(BATCH):
                children.append(threading.Thread(target=child, args=(slots, position, value + position, gate)))
            for thread in children:
                thread.start()
            for thread in children:
                thread.join()
            idents = set()
            for position in range(BATCH):
                if slots[position] is None:
                    raise AssertionError(f"child {position} of batch at {value} never ran")
                square, ident, name = slots[position]
                if square != (value + position) ** 2:
                    raise AssertionError(f"child computed {square} for {value + position}")
                if name != children[position].name:
                    raise AssertionError(f"child saw current_thread() {name!r}, is {children[position].name!r}")
                if ident == me or ident in idents:
                    raise AssertionError(f"ident {ident} reused by threads alive at once")
                idents.add(ident)
            created[index] += BATCH
            value += BATCH

    run_threads(thread_count, worker)
    if threading.active_count() != 1:
        fail(f"{threading.active_count()} threads still alive after joining all")
    print(f"stress: {NAME} ok threads={thread_count} children={sum(created)}")


main()
