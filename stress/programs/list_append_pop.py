# list_append_pop: append, pop and indexing on one shared list from every thread.
# Items are tagged tuples (source thread, sequence number, check) with
# check = (source * 1000003 + sequence) % 65521, so a torn or garbage item shows.
# Each thread counts its appends and successful pops (pop on an empty list raises
# IndexError: a miss), and per source thread the count, sum and sum of squares of
# the sequence numbers it popped.
# Invariants:
#   - every popped or indexed item is a valid tagged tuple (never torn, never garbage);
#   - at the end len(list) == appends - pops;
#   - per source, popped plus still-listed items are exactly sequences 0..appended-1,
#     each once (count, sum and sum of squares match): nothing lost or duplicated.
import sys
import threading
import time
import random

NAME = "list_append_pop"
PLAN_LENGTH = 4096


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


def make_item(source, sequence):
    return (source, sequence, (source * 1000003 + sequence) % 65521)


def check_item(item, thread_count):
    source, sequence, check = item  # a wrong shape raises here
    if not 0 <= source < thread_count or check != (source * 1000003 + sequence) % 65521:
        raise AssertionError(f"torn or foreign item {item!r}")
    return source, sequence


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    plans = [[random.randint(0, 1 << 30) for _ in range(PLAN_LENGTH)] for _ in range(thread_count)]
    shared = []
    results = [None] * thread_count
    deadline = time.perf_counter() + seconds

    def worker(index):
        plan = plans[index]
        appended = pops = misses = reads = step = 0
        tallies = [[0, 0, 0] for _ in range(thread_count)]  # per source: count, sum, squares
        while time.perf_counter() < deadline:
            for _ in range(256):
                choice = plan[step % PLAN_LENGTH]
                step += 1
                action = choice % 8
                try:
                    if action < 3:
                        shared.append(make_item(index, appended))
                        appended += 1
                        continue
                    if action < 6:
                        item = shared.pop() if action < 5 else shared.pop(0)
                        source, sequence = check_item(item, thread_count)
                        tally = tallies[source]
                        tally[0] += 1
                        tally[1] += sequence
                        tally[2] += sequence * sequence
                        pops += 1
                    else:
                        position = (choice >> 8) % 64 - 32  # negative indices too
                        check_item(shared[position], thread_count)
                        reads += 1
                except IndexError:
                    misses += 1
        results[index] = (appended, pops, misses, reads, tallies)

    run_threads(thread_count, worker)
    appends = sum(result[0] for result in results)
    pops = sum(result[1] for result in results)
    if len(shared) != appends - pops:
        fail(f"len {len(shared)} != appends {appends} - pops {pops}")
    totals = [[0, 0, 0] for _ in range(thread_count)]
    for result in results:
        for source in range(thread_count):
            for part in range(3):
                totals[source][part] += result[4][source][part]
    for item in shared:
        source, sequence = check_item(item, thread_count)
        totals[source][0] += 1
        totals[source][1] += sequence
        totals[source][2] += sequence * sequence
    for source in range(thread_count):
        made = results[source][0]
        expected = [made, made * (made - 1) // 2, (made - 1) * made * (2 * made - 1) // 6]
        if totals[source] != expected:
            fail(f"items of thread {source}: count/sum/squares {totals[source]}, expected {expected}")
    misses = sum(result[2] for result in results)
    reads = sum(result[3] for result in results)
    print(f"stress: {NAME} ok threads={thread_count} appends={appends} pops={pops} "
          f"index_reads={reads} empty_misses={misses} final_len={len(shared)}")


main()
