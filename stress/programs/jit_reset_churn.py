# jit_reset_churn: executors retired while other threads run them.
# Workers call hot functions (a loop, a recursion, attribute and dict work) whose results are known,
# so the JIT compiles them; every so often one thread calls stitch.jit_reset(), which unpublishes
# every executor and frees it after a QSBR grace period, so threads keep entering, leaving and
# recompiling executors while others are inside them.
# Invariants:
#   - every call returns exactly the expected value (JIT on, off or in between);
#   - the process neither crashes nor hangs (a freed executor that is still running would);
#   - executors were compiled again after resets (stitch.jit_executor_count() > 0 at some point).
import sys
import threading
import time
import random

try:
    import stitch
except ImportError:  # CPython: the program still runs, without the JIT to reset
    stitch = None

NAME = "jit_reset_churn"


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
    return int(options["--seed"]), max(2, int(options["--threads"])), float(options["--seconds"])


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


def triangle(n):
    total = 0
    for i in range(n):
        total += i
    return total


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return Point(self.x + dx, self.y - dx)


def walk(steps):
    p = Point(0, 0)
    seen = {}
    for i in range(steps):
        p = p.moved(1)
        seen[p.x % 7] = seen.get(p.x % 7, 0) + 1
    return p.x, p.y, sum(seen.values())


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    sizes = [random.randint(50, 400) for _ in range(thread_count)]
    deadline = time.perf_counter() + seconds
    resets = [0]
    compiled_seen = [False]

    def worker(index):
        n = sizes[index]
        calls = 0
        while time.perf_counter() < deadline:
            for step in range(64):
                if index == 0 and step % 16 == 0 and stitch is not None:
                    if stitch.jit_executor_count() > 0:
                        compiled_seen[0] = True
                    stitch.jit_reset()
                    resets[0] += 1
                m = n + step
                if triangle(m) != m * (m - 1) // 2:
                    raise AssertionError(f"triangle({m}) = {triangle(m)}")
                d = 20 + step % 30
                if depth(d) != d:
                    raise AssertionError(f"depth({d}) = {depth(d)}")
                if walk(step + 10) != (step + 10, -(step + 10), step + 10):
                    raise AssertionError(f"walk({step + 10}) = {walk(step + 10)}")
                calls += 3
        if calls == 0:
            raise AssertionError("no calls made")

    run_threads(thread_count, worker)
    if stitch is not None and stitch.jit_enabled() and not compiled_seen[0]:
        fail("no executor was ever installed between resets")
    print(f"stress: {NAME} ok threads={thread_count} resets={resets[0]}")


main()
