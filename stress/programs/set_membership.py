# set_membership: concurrent add, discard and membership tests on one shared set.
# Each thread owns a range of elements (ints, strings or tuples depending on the
# thread) and keeps a private model of which of its elements are in the set. It
# adds, discards, removes, tests its own and other threads' elements, and now and
# then iterates the set or snapshots it with frozenset(); iteration may raise
# "Set changed size during iteration", which is counted.
# Invariants:
#   - membership of an own element always matches the model (remove never fails);
#   - every element seen in an iteration or a snapshot is a well-formed element
#     of some thread's range;
#   - at the end the set equals the union of the models exactly.
import sys
import threading
import time
import random

NAME = "set_membership"
ELEMENTS_PER_THREAD = 256
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


def make_element(owner, slot):
    number = owner * ELEMENTS_PER_THREAD + slot
    kind = owner % 3
    if kind == 0:
        return number
    return f"e{number}" if kind == 1 else (owner, slot)


def check_element(element, thread_count):
    if isinstance(element, int):
        number = element
    elif isinstance(element, str):
        number = int(element[1:])
    else:
        number = element[0] * ELEMENTS_PER_THREAD + element[1]
    owner, slot = divmod(number, ELEMENTS_PER_THREAD)
    if not 0 <= owner < thread_count or make_element(owner, slot) != element:
        raise AssertionError(f"the set holds a foreign element {element!r}")


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    plans = [[random.randint(0, 1 << 30) for _ in range(PLAN_LENGTH)] for _ in range(thread_count)]
    shared = set()
    models = [set() for _ in range(thread_count)]
    counts = [[0, 0, 0, 0] for _ in range(thread_count)]  # updates, lookups, scans, size changed
    deadline = time.perf_counter() + seconds

    def worker(index):
        plan, model, count = plans[index], models[index], counts[index]
        step = 0
        while time.perf_counter() < deadline:
            for _ in range(256):
                choice = plan[step % PLAN_LENGTH]
                step += 1
                element = make_element(index, choice % ELEMENTS_PER_THREAD)
                action = (choice >> 10) % 64
                if action < 20:
                    shared.add(element)
                    model.add(element)
                elif action < 36:
                    if element in model:
                        shared.remove(element)  # a KeyError means another thread lost it
                        model.discard(element)
                    else:
                        shared.discard(element)
                elif action < 63:
                    if (element in shared) != (element in model):
                        raise AssertionError(f"own element {element!r}: in set {element in shared}")
                    other = make_element((choice >> 14) % thread_count, (choice >> 3) % ELEMENTS_PER_THREAD)
                    membership = other in shared
                    if membership is not True and membership is not False:
                        raise AssertionError(f"membership test returned {membership!r}")
                    count[1] += 1
                    continue
                else:
                    try:
                        for seen in (shared if choice % 2 else frozenset(shared)):
                            check_element(seen, thread_count)
                    except RuntimeError as error:
                        if str(error) != "Set changed size during iteration":
                            raise
                        count[3] += 1
                    count[2] += 1
                    continue
                count[0] += 1

    run_threads(thread_count, worker)
    expected = set()
    for model in models:
        expected |= model
    if shared != expected:
        fail(f"{len(shared - expected)} unexpected and {len(expected - shared)} missing elements")
    totals = [sum(count[i] for count in counts) for i in range(4)]
    print(f"stress: {NAME} ok threads={thread_count} updates={totals[0]} lookups={totals[1]} "
          f"scans={totals[2]} size_changed={totals[3]} final_size={len(shared)}")


main()
