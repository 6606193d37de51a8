# dict_key_ranges: concurrent insert, delete and lookup on one shared dict.
# Each thread owns a range of keys (ints for even threads, strings for odd ones)
# and keeps a private model of what it stored there. Values are (key, generation)
# tuples, so every value says which key it belongs to.
# Invariants:
#   - looking up an own key returns exactly the object the model holds (or None);
#   - looking up another thread's key returns None or a value whose key part is that key;
#   - at the end the dict holds exactly the union of the models: for each thread,
#     what it inserted minus what it deleted, with the last value it stored.
import sys
import threading
import time
import random

NAME = "dict_key_ranges"
KEYS_PER_THREAD = 512
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


def make_key(owner, slot):
    number = owner * KEYS_PER_THREAD + slot
    return number if owner % 2 == 0 else f"key{number}"


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    plans = [[random.randint(0, 1 << 30) for _ in range(PLAN_LENGTH)] for _ in range(thread_count)]
    shared = {}
    models = [None] * thread_count
    counts = [[0, 0, 0, 0] for _ in range(thread_count)]  # inserts, deletes, own, foreign lookups
    deadline = time.perf_counter() + seconds

    def worker(index):
        plan, model, count = plans[index], {}, counts[index]
        models[index] = model
        generation = 0
        step = 0
        while time.perf_counter() < deadline:
            for _ in range(256):
                choice = plan[step % PLAN_LENGTH]
                step += 1
                key = make_key(index, choice % KEYS_PER_THREAD)
                action = (choice >> 10) % 8
                if action < 3:
                    generation += 1
                    value = (key, generation)
                    shared[key] = value
                    model[key] = value
                    count[0] += 1
                elif action < 5:
                    if key in model:
                        del shared[key]  # a KeyError here means another thread lost our key
                        del model[key]
                        count[1] += 1
                    elif shared.pop(key, None) is not None:
                        raise AssertionError(f"deleted key {key!r} came back")
                elif action < 6:
                    found = shared.get(key)
                    if found is not model.get(key):
                        raise AssertionError(f"own key {key!r}: found {found!r}, stored {model.get(key)!r}")
                    count[2] += 1
                else:
                    other = make_key((choice >> 14) % thread_count, (choice >> 3) % KEYS_PER_THREAD)
                    if action == 6:
                        found = shared.get(other)
                    else:
                        found = shared.get(other) if other in shared else None  # may vanish between
                    if found is not None and found[0] != other:
                        raise AssertionError(f"foreign key {other!r} maps to value {found!r}")
                    count[3] += 1

    run_threads(thread_count, worker)
    expected = {}
    for model in models:
        expected.update(model)
    if len(shared) != len(expected):
        fail(f"dict has {len(shared)} keys, the threads' models {len(expected)}")
    for key, value in shared.items():
        if expected.get(key) is not value:
            fail(f"key {key!r} holds {value!r}, its owner stored {expected.get(key)!r}")
    totals = [sum(count[i] for count in counts) for i in range(4)]
    print(f"stress: {NAME} ok threads={thread_count} inserts={totals[0]} deletes={totals[1]} "
          f"own_lookups={totals[2]} foreign_lookups={totals[3]} final_keys={len(shared)}")


main()
