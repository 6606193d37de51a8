# attribute_writes: attribute writes and reads on shared objects.
# A few shared instances; thread i owns the attribute "field<i>" on every one of
# them and writes (i, n, i * 7919 + n) with n strictly increasing. Threads also read
# the other threads' attributes with getattr(obj, name, None) while instance dicts
# grow, and read the fixed attribute `ident` that nobody writes after creation.
# Invariants:
#   - a read of field<j> is None (not written yet) or a well-formed value written by j;
#   - per reader, per (instance, attribute), n never goes backwards (coherence);
#   - reading an own attribute returns exactly the last value this thread wrote;
#   - `ident` never changes; at the end field<i> of every instance is i's last write.
import sys
import threading
import time
import random

NAME = "attribute_writes"
INSTANCES = 8
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


class Shared:
    def __init__(self, ident):
        self.ident = ident


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    plans = [[random.randint(0, 1 << 30) for _ in range(PLAN_LENGTH)] for _ in range(thread_count)]
    objects = [Shared(i) for i in range(INSTANCES)]
    names = [f"field{i}" for i in range(thread_count)]
    results = [None] * thread_count
    deadline = time.perf_counter() + seconds

    def worker(index):
        plan, own_name = plans[index], names[index]
        last_written = [None] * INSTANCES
        last_seen = {}
        writes = reads = step = 0
        while time.perf_counter() < deadline:
            for _ in range(256):
                choice = plan[step % PLAN_LENGTH]
                step += 1
                position = choice % INSTANCES
                target = objects[position]
                if target.ident != position:
                    raise AssertionError(f"ident of instance {position} became {target.ident!r}")
                if (choice >> 4) % 3 == 0:
                    writes += 1
                    value = (index, writes, index * 7919 + writes)
                    setattr(target, own_name, value)
                    last_written[position] = value
                    continue
                owner = (choice >> 8) % thread_count
                value = getattr(target, names[owner], None)
                reads += 1
                if owner == index:
                    if value is not last_written[position]:
                        raise AssertionError(f"own field read {value!r}, wrote {last_written[position]!r}")
                    continue
                if value is None:
                    if (position, owner) in last_seen:
                        raise AssertionError(f"field{owner} of instance {position} vanished")
                    continue
                writer, count, check = value
                if writer != owner or check != writer * 7919 + count:
                    raise AssertionError(f"field{owner} of instance {position} holds {value!r}")
                if count < last_seen.get((position, owner), 0):
                    raise AssertionError(f"field{owner} of instance {position} went back to {count}")
                last_seen[(position, owner)] = count
        results[index] = (writes, reads, last_written)

    run_threads(thread_count, worker)
    for index in range(thread_count):
        for position in range(INSTANCES):
            final = getattr(objects[position], names[index], None)
            if final is not results[index][2][position]:
                fail(f"instance {position}.field{index} is {final!r}, last write {results[index][2][position]!r}")
    writes = sum(result[0] for result in results)
    reads = sum(result[1] for result in results)
    print(f"stress: {NAME} ok threads={thread_count} writes={writes} reads={reads}")


main()
