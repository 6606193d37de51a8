# create_object: each thread instantiates a small class in a loop (the
# shared type's refcount, allocation, __init__ calls).
# kind: independent
# quick-work: 144000
import sys
import threading
import time

DEFAULT_WORK = 1200000


class Pair:
    def __init__(self, first, second):
        self.first = first
        self.second = second


def setup(threads, work):
    return None


def worker(shared, work):
    total = 0
    for index in range(work):
        pair = Pair(index, 3)
        total += pair.second
    return total


def verify(shared, results, threads, work):
    wrong = [result for result in results if result != 3 * work]
    if wrong:
        return f"expected {3 * work} from every thread, got {wrong[:3]}"
    return None


# ---- scaling driver: identical in every workload of bench/scaling/ ----
def _scaling_driver():
    options = {"--threads": 1, "--work": DEFAULT_WORK, "--warmup": 1, "--rounds": 1}
    args = sys.argv[1:]
    if len(args) % 2 or any(flag not in options for flag in args[::2]):
        print(f"usage: {sys.argv[0]} --threads N [--work W] [--warmup R] [--rounds R]", file=sys.stderr)
        sys.exit(2)
    for flag, value in zip(args[::2], args[1::2]):
        options[flag] = int(value)
    threads, work, warmup = options["--threads"], options["--work"], options["--warmup"]
    for round_index in range(warmup + options["--rounds"]):
        shared = setup(threads, work)
        results = [None] * threads

        def run(slot):
            results[slot] = worker(shared, work)

        pool = [threading.Thread(target=run, args=(slot,)) for slot in range(threads)]
        start = time.perf_counter()
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
        seconds = time.perf_counter() - start
        problem = verify(shared, results, threads, work)
        if problem:
            print(f"{sys.argv[0]}: WRONG RESULT with {threads} threads: {problem}", file=sys.stderr)
            sys.exit(1)
        marker = " warmup=1" if round_index < warmup else ""
        print(f"@@scaling threads={threads}{marker} seconds={seconds:.9f}")
    print("@@scaling result=ok")


if __name__ == "__main__":
    _scaling_driver()
