# class_attribute_changes: changing class attributes while other threads use instances.
# Widget.config is a (generation, factor) tuple and Widget.measure is a method
# returning (tag, generation, size * factor) from self.config. Changer threads
# (every fourth, starting with thread 0) set a new config, and on every third
# generation also a new measure method tagged with it, then publish the generation
# under a lock. Gadget inherits both through the MRO; `pinned` shadows config with
# an instance attribute, which must win over any class change.
# Invariants:
#   - a result is consistent with one version: value == size * factor_of(generation);
#   - a method tagged t reads a config of generation >= t (config is stored first);
#   - after reading published = g under the lock, a call sees generation >= g;
#   - the pinned instance always measures with its own config.
import sys
import threading
import time
import random

NAME = "class_attribute_changes"


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


def factor_of(generation):
    return generation % 7 + 1


def make_measure(tag):
    def measure(self):
        generation, factor = self.config
        return (tag, generation, self.size * factor)
    return measure


class Widget:
    config = (0, factor_of(0))
    measure = make_measure(0)

    def __init__(self, size):
        self.size = size


class Gadget(Widget):
    pass


published_lock = threading.Lock()
published = 0


def change():
    global published
    with published_lock:
        generation = published + 1
        Widget.config = (generation, factor_of(generation))
        if generation % 3 == 0:
            Widget.measure = make_measure(generation)
        published = generation


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    instances = [Widget(random.randint(1, 100)) if i % 2 else Gadget(random.randint(1, 100)) for i in range(16)]
    pinned = Gadget(5)
    pinned.config = (-1, 3)
    results = [None] * thread_count
    deadline = time.perf_counter() + seconds

    def worker(index):
        calls = changes = 0
        while time.perf_counter() < deadline:
            for step in range(256):
                if index % 4 == 0 and step % 8 == 0:
                    change()
                    changes += 1
                with published_lock:
                    floor = published
                target = instances[(step + index) % len(instances)]
                tag, generation, value = target.measure()
                calls += 1
                if value != target.size * factor_of(generation):
                    raise AssertionError(f"measure gave {value} for size {target.size}, generation {generation}")
                if generation < floor or generation < tag:
                    raise AssertionError(f"stale config {generation} (published {floor}, method {tag})")
                if step % 16 == 0 and pinned.measure()[1:] != (-1, 15):
                    raise AssertionError(f"pinned instance measured {pinned.measure()}")
        results[index] = (calls, changes)

    run_threads(thread_count, worker)
    tag, generation, value = instances[0].measure()
    if generation != published or tag != published - published % 3:
        fail(f"final measure has config {generation} and method {tag}, last generation {published}")
    calls = sum(result[0] for result in results)
    changes = sum(result[1] for result in results)
    print(f"stress: {NAME} ok threads={thread_count} calls={calls} class_changes={changes}")


main()
