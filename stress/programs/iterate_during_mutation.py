# iterate_during_mutation: iterating a dict and a list while other threads mutate them.
# Thread 0 and every fourth thread iterate; the others insert and delete dict keys
# (the value of key k is always 3k+1) and append, pop, insert and overwrite list
# items (tagged tuples (n, n * 7 % 1009)). Iterating a dict whose size changes
# raises RuntimeError: "dictionary changed size during iteration" (or "dictionary
# keys changed during iteration"); the iterator catches exactly those, counts them
# and starts over. Iterators also take snapshots with dict.copy() and list[:].
# Invariants:
#   - iteration never yields garbage: every key/value pair and list item seen
#     (by iteration or in a snapshot) is well-formed;
#   - the only exceptions are the two dict RuntimeErrors (a list never raises);
#   - a list iteration ends (mutators keep the list below 512 items).
import sys
import threading
import time
import random

NAME = "iterate_during_mutation"
KEYS = 1024
ALLOWED = ("dictionary changed size during iteration", "dictionary keys changed during iteration")


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


def check_pair(key, value):
    if not isinstance(key, int) or not 0 <= key < KEYS or value != 3 * key + 1:
        raise AssertionError(f"iteration saw the pair {key!r}: {value!r}")


def check_item(item):
    number, tag = item
    if tag != number * 7 % 1009:
        raise AssertionError(f"iteration saw the list item {item!r}")


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    plans = [[random.randint(0, 1 << 30) for _ in range(4096)] for _ in range(thread_count)]
    table = {k: 3 * k + 1 for k in range(0, KEYS, 2)}
    items = [(n, n * 7 % 1009) for n in range(64)]
    counts = [[0, 0, 0, 0, 0] for _ in range(thread_count)]  # passes, size changed, keys changed, mutations, snapshots
    deadline = time.perf_counter() + seconds

    def iterate(count, step):
        try:
            for key, value in table.items():
                check_pair(key, value)
            count[0] += 1
        except RuntimeError as error:
            if str(error) not in ALLOWED:
                raise
            count[1 + ALLOWED.index(str(error))] += 1
        for item in items:
            check_item(item)
        if step % 4 == 0:
            for key, value in table.copy().items():
                check_pair(key, value)
            for item in items[:]:
                check_item(item)
            count[4] += 1

    def mutate(count, choice):
        key = choice % KEYS
        action = (choice >> 10) % 6
        if action == 0:
            table[key] = 3 * key + 1
        elif action == 1:
            table.pop(key, None)
        elif action == 2 and len(items) < 512:
            items.append((key, key * 7 % 1009))
        elif action == 3 and len(items) < 512:
            items.insert(0, (key, key * 7 % 1009))
        else:
            try:
                if action == 4:
                    items[choice % 64] = (key, key * 7 % 1009)
                else:
                    items.pop(choice % 2 - 1)  # pop() or pop(0)
            except IndexError:
                pass
        count[3] += 1

    def worker(index):
        plan, count = plans[index], counts[index]
        step = 0
        iterates = index % 4 == 0
        while time.perf_counter() < deadline:
            for _ in range(64 if iterates else 256):
                step += 1
                if iterates:
                    iterate(count, step)
                if not iterates or thread_count == 1:
                    mutate(count, plan[step % 4096])

    run_threads(thread_count, worker)
    for key, value in table.items():
        check_pair(key, value)
    for item in items:
        check_item(item)
    totals = [sum(count[i] for count in counts) for i in range(5)]
    print(f"stress: {NAME} ok threads={thread_count} full_passes={totals[0]} size_changed={totals[1]} "
          f"keys_changed={totals[2]} snapshots={totals[4]} mutations={totals[3]}")


main()
