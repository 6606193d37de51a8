# shared_list_append: all threads append to one shared list (the list's
# per-object lock and its growth; single appends are atomic). Small ints are
# appended so memory stays modest (8 bytes per slot).
# kind: shared
# quick-work: 240000
import sys
import threading
import time

DEFAULT_WORK = 2000000


def setup(threads, work):
    return []


def worker(shared, work):
    append = shared.append
    for index in range(work):
        append(index & 127)
    return work


def verify(shared, results, threads, work):
    if any(result != work for result in results):
        return "a worker thread did not finish"
    if len(shared) != threads * work:
        return f"lost appends: {len(shared)} items, expected {threads * work}"
    tail = work % 128
    if sum(shared) != threads * ((work // 128) * 8128 + tail * (tail - 1) // 2):
        return "the appended items do not add up"
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
