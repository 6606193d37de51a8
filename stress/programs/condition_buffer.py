# condition_buffer: producers and consumers on a bounded buffer with Condition.
# Two Conditions share one Lock: `not_full` (producers wait) and `not_empty`
# (consumers wait). The first half of the threads produce (producer, sequence)
# items until the time budget runs out; the last producer to stop sets `done` and
# wakes every consumer; consumers drain the buffer and leave when it is empty and
# done. Items leave the buffer in FIFO order.
# Invariants:
#   - the buffer never holds more than CAPACITY items;
#   - every item produced is consumed exactly once (per producer: count and sum);
#   - each consumer sees each producer's sequences in increasing order (FIFO);
#   - the buffer is empty at the end.
import sys
import threading
import time
import random

NAME = "condition_buffer"
CAPACITY = 8


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


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    thread_count = max(2, thread_count)
    producers = thread_count // 2
    lock = threading.Lock()
    not_full = threading.Condition(lock)
    not_empty = threading.Condition(lock)
    buffer = []
    state = {"producers_left": producers, "done": False, "broken": False, "waits": 0}
    produced = [0] * producers
    consumed = [[0, 0] for _ in range(producers)]  # per producer: count, sequence sum
    deadline = time.perf_counter() + seconds

    def produce(index):
        try:
            while time.perf_counter() < deadline:
                for _ in range(128):
                    with not_full:
                        while len(buffer) >= CAPACITY and not state["broken"]:
                            state["waits"] += 1
                            not_full.wait()
                        if state["broken"]:
                            return
                        buffer.append((index, produced[index]))
                        if len(buffer) > CAPACITY:
                            raise AssertionError(f"buffer holds {len(buffer)} > {CAPACITY}")
                        not_empty.notify()
                    produced[index] += 1
        finally:
            with lock:
                state["producers_left"] -= 1
                if state["producers_left"] == 0:
                    state["done"] = True
                    not_empty.notify_all()

    def consume():
        try:
            drain()
        except BaseException:
            with lock:  # unblock the producers so the failure is reported, not a hang
                state["broken"] = True
                not_full.notify_all()
            raise

    def drain():
        mine = [[0, 0] for _ in range(producers)]
        last = [-1] * producers
        while True:
            with not_empty:
                while not buffer and not state["done"]:
                    state["waits"] += 1
                    not_empty.wait()
                if not buffer:
                    break
                producer, sequence = buffer.pop(0)
                not_full.notify()
            if sequence <= last[producer]:
                raise AssertionError(f"item {sequence} of producer {producer} after {last[producer]}")
            last[producer] = sequence
            mine[producer][0] += 1
            mine[producer][1] += sequence
        with lock:
            for producer in range(producers):
                consumed[producer][0] += mine[producer][0]
                consumed[producer][1] += mine[producer][1]

    run_threads(thread_count, lambda index: produce(index) if index < producers else consume())
    if buffer:
        fail(f"{len(buffer)} items left in the buffer")
    for producer in range(producers):
        made = produced[producer]
        if consumed[producer] != [made, made * (made - 1) // 2]:
            fail(f"producer {producer} made {made}, consumed count/sum {consumed[producer]}")
    print(f"stress: {NAME} ok threads={thread_count} items={sum(produced)} waits={state['waits']}")


main()
