# barrier_phases: Event and Barrier phases in lockstep.
# All threads run phases p = 0, 1, 2, ... Each phase:
#   1. every thread writes slots[me] = p;
#   2. the phase leader (thread p % N) writes payload = p * 31 and sets `ready`;
#      every thread waits for `ready` and reads the payload;
#   3. barrier A; every thread records the index A returned and checks all
#      slots == p; the leader clears `ready`; once the time is up thread 0 sets `stop`;
#   4. barrier B; everyone reads `stop` and leaves together; thread 0 checks that
#      A handed out each index 0..N-1 exactly once (all were written before B, and
#      none is rewritten before thread 0 reaches the next A).
# A failing thread aborts the barrier so the others stop instead of hanging.
# Invariants: the payload read matches the phase; no thread runs ahead (all slots
# equal p between A and B); barrier indices are a permutation; all threads
# complete the same number of phases.
import sys
import threading
import time
import random

NAME = "barrier_phases"


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
    spins = [random.randint(0, 50) for _ in range(thread_count)]
    barrier = threading.Barrier(thread_count)
    ready = threading.Event()
    slots = [-1] * thread_count
    indices = [-1] * thread_count
    shared = {"payload": -1, "stop": False}
    phases = [0] * thread_count
    deadline = time.perf_counter() + seconds

    def phase(index, p):
        slots[index] = p
        for _ in range(spins[index] + p % 7):  # uneven work, so threads arrive apart
            pass
        if p % thread_count == index:
            shared["payload"] = p * 31
            ready.set()
        ready.wait()
        if shared["payload"] != p * 31:
            raise AssertionError(f"phase {p}: payload {shared['payload']}")
        indices[index] = barrier.wait()
        for other in range(thread_count):
            if slots[other] != p:
                raise AssertionError(f"phase {p}: thread {other} is at phase {slots[other]}")
        if p % thread_count == index:
            ready.clear()  # nobody waits on `ready` again before barrier B
        if index == 0 and time.perf_counter() >= deadline:
            shared["stop"] = True
        barrier.wait()
        if index == 0 and sorted(indices) != list(range(thread_count)):
            raise AssertionError(f"phase {p}: barrier A handed out indices {indices}")
        return shared["stop"]

    def worker(index):
        try:
            p = 0
            while not phase(index, p):
                p += 1
            phases[index] = p + 1
        except BaseException:
            barrier.abort()
            raise

    run_threads(thread_count, worker)
    if len(set(phases)) != 1:
        fail(f"threads completed different numbers of phases: {phases}")
    print(f"stress: {NAME} ok threads={thread_count} phases={phases[0]}")


main()
