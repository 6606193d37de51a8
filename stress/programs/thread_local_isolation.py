# thread_local_isolation: threading.local never leaks values between threads.
# `plain` is a threading.local; `context` is an instance of a threading.local
# subclass whose __init__ runs again, with the same arguments, in every thread
# that touches it. Each worker writes (me, n) to plain.value and appends to
# context.items, reads them back, sometimes deletes plain.value, and now and then
# starts a short child thread that must find fresh, empty locals.
# Invariants:
#   - a thread reads back exactly its own last value; a fresh thread sees no value;
#   - context.__init__ ran once per thread that used it; context.items holds only
#     the thread's own entries; the main thread's values are untouched at the end.
import sys
import threading
import time
import random

NAME = "thread_local_isolation"


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


initializations = [0]
initializations_lock = threading.Lock()


class Context(threading.local):
    def __init__(self, base):
        self.base = base
        self.items = []
        with initializations_lock:
            initializations[0] += 1


plain = threading.local()
context = Context(100)


def fresh_thread_check(results, position):
    fresh = not hasattr(plain, "value") and context.items == [] and context.base == 100
    plain.value = ("child", position)
    context.items.append(position)
    results[position] = fresh and plain.value == ("child", position) and context.items == [position]


def main():
    seed, thread_count, seconds = parse_args(sys.argv)
    random.seed(seed)
    plans = [[random.randint(0, 1023) for _ in range(1024)] for _ in range(thread_count)]
    plain.value = "main"
    context.items.append("main")
    children = [0] * thread_count
    deadline = time.perf_counter() + seconds

    def worker(index):
        if hasattr(plain, "value") or context.items != []:
            raise AssertionError("a new thread saw another thread's locals")
        plan = plans[index]
        me = threading.get_ident()
        step = 0
        while time.perf_counter() < deadline:
            for _ in range(256):
                step += 1
                choice = plan[step % 1024]
                if step > 1 and plain.value != (me, step - 1):
                    raise AssertionError(f"plain.value is {plain.value!r}, wrote {(me, step - 1)!r}")
                if choice % 8 == 0 and step > 1:
                    del plain.value
                    if hasattr(plain, "value"):
                        raise AssertionError("del plain.value left a value behind")
                plain.value = (me, step)
                context.items.append(step)
                if len(context.items) > 64:
                    if context.items[0] != step - 64 or context.base != 100:
                        raise AssertionError(f"context holds {context.items[:3]}..., base {context.base}")
                    del context.items[0]
            if step % 1024 == 0:
                results = [False]
                child = threading.Thread(target=fresh_thread_check, args=(results, 0))
                child.start()
                child.join()
                if not results[0]:
                    raise AssertionError("a child thread saw its parent's locals")
                children[index] += 1
            if plain.value != (me, step):
                raise AssertionError(f"plain.value is {plain.value!r} after the parent's child ran")

    run_threads(thread_count, worker)
    if plain.value != "main" or context.items != ["main"]:
        fail(f"main thread's locals changed to {plain.value!r}, {context.items!r}")
    expected = 1 + thread_count + sum(children)
    if initializations[0] != expected:
        fail(f"Context.__init__ ran {initializations[0]} times for {expected} threads")
    print(f"stress: {NAME} ok threads={thread_count} children={sum(children)} "
          f"initializations={initializations[0]}")


main()
