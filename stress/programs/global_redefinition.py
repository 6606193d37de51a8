# global_redefinition: redefining a global function while other threads call it.
# Redefiner threads (every fourth, starting with thread 0) rebind the global
# `compute` to a new version, either with a `def` statement or a closure, then
# publish its generation under `published_lock`. Every version returns
# (generation, x + generation). All threads keep calling compute(x).
# Invariants:
#   - every result is consistent with one version: result == x + generation;
#   - happens-before: a caller that read `published` = g under the lock, then
#     calls compute, sees a generation >= g (no stale version after synchronizing);
#   - no caller sees a generation from the future (> published + redefiners);
#   - per caller, generations never go backwards; at the end compute is the last version.
import sys
import threading
import time
import random

NAME = "global_redefinition"


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


def compute(x):
    return (0, x)


def make_version(generation):
    def version(x):
        return (generation, x + generation)
    return version


published_lock = threading.Lock()
published = 0


def redefine():
    """Installs the next version; the generation is allocated under the lock so generations stay ordered."""
    global compute, published
    with published_lock:
        generation = published + 1
        if generation % 2:
            def compute(x, generation=generation):
                return (generation, x + generation)
        else:
            compute = make_version(generation)
        published = generation


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    offsets = [random.randint(0, 1000) for _ in range(thread_count)]
    redefiners = len(range(0, thread_count, 4))
    results = [None] * thread_count
    deadline = time.perf_counter() + seconds

    def worker(index):
        calls = redefinitions = latest = 0
        x = offsets[index]
        while time.perf_counter() < deadline:
            for step in range(256):
                if index % 4 == 0 and step % 16 == 0:
                    redefine()
                    redefinitions += 1
                with published_lock:
                    floor = published
                generation, result = compute(x)
                calls += 1
                if result != x + generation:
                    raise AssertionError(f"compute({x}) returned {result} from generation {generation}")
                if generation < floor or generation < latest:
                    raise AssertionError(f"stale version {generation} after seeing {max(floor, latest)}")
                if generation > published + redefiners:
                    raise AssertionError(f"version {generation} from the future (published {published})")
                latest = generation
                x += 1
        results[index] = (calls, redefinitions)

    run_threads(thread_count, worker)
    if compute(5) != (published, 5 + published):
        fail(f"final compute(5) = {compute(5)}, last generation {published}")
    calls = sum(result[0] for result in results)
    redefinitions = sum(result[1] for result in results)
    if redefinitions != published:
        fail(f"{redefinitions} redefinitions but generation {published}")
    print(f"stress: {NAME} ok threads={thread_count} calls={calls} redefinitions={redefinitions}")


main()
