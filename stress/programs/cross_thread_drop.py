# cross_thread_drop: objects created in one thread and dropped in another.
# Even threads produce Payload objects (a list, a dict, a string, and on every
# 16th one a reference cycle) and hand them over through a shared list used as a
# queue (append and pop(0), each a single atomic operation, no lock). Odd threads
# take them, verify them, keep them briefly in a small ring and then drop them, so
# the last reference dies in a thread other than the creator. With one thread, it
# does both. Producers back off when the queue holds more than 2048 items.
# Invariants:
#   - every payload taken is intact (its checksum matches its contents);
#   - per producer, taken + left in the queue == produced, and the sequence sums match.
import sys
import threading
import time
import random

NAME = "cross_thread_drop"
RING = 8


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


class Payload:
    def __init__(self, producer, sequence, salt):
        self.producer = producer
        self.sequence = sequence
        self.numbers = [salt + i for i in range(8)]
        self.labels = {"producer": producer, "text": f"item-{producer}-{sequence}"}
        self.check = sum(self.numbers) + producer + sequence
        if sequence % 16 == 0:
            self.myself = self  # a cycle: only a cycle collector frees it

    def intact(self):
        return (sum(self.numbers) + self.producer + self.sequence == self.check
                and self.labels["producer"] == self.producer
                and self.labels["text"] == f"item-{self.producer}-{self.sequence}")


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    salts = [random.randint(0, 1 << 30) for _ in range(thread_count)]
    queue = []
    produced = [0] * thread_count
    taken = [[0, 0] for _ in range(thread_count)]  # per producer: count, sequence sum
    takers_lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker(index):
        produces = index % 2 == 0 or thread_count == 1
        consumes = index % 2 == 1 or thread_count == 1
        ring = [None] * RING
        mine = [[0, 0] for _ in range(thread_count)]
        step = 0
        while time.perf_counter() < deadline:
            for _ in range(256):
                step += 1
                if produces and len(queue) < 2048:
                    queue.append(Payload(index, produced[index], salts[index] + step))
                    produced[index] += 1
                if consumes:
                    try:
                        payload = queue.pop(0)
                    except IndexError:
                        continue
                    if not payload.intact():
                        raise AssertionError(f"payload {payload.producer}/{payload.sequence} corrupted")
                    mine[payload.producer][0] += 1
                    mine[payload.producer][1] += payload.sequence
                    ring[step % RING] = payload  # drops the payload stored RING steps ago
        with takers_lock:
            for producer in range(thread_count):
                taken[producer][0] += mine[producer][0]
                taken[producer][1] += mine[producer][1]

    run_threads(thread_count, worker)
    for payload in queue:
        if not payload.intact():
            fail(f"payload {payload.producer}/{payload.sequence} left in the queue is corrupted")
        taken[payload.producer][0] += 1
        taken[payload.producer][1] += payload.sequence
    for producer in range(thread_count):
        made = produced[producer]
        if taken[producer] != [made, made * (made - 1) // 2]:
            fail(f"producer {producer} made {made} items, taken+queued count/sum {taken[producer]}")
    print(f"stress: {NAME} ok threads={thread_count} produced={sum(produced)} left_in_queue={len(queue)}")


main()
