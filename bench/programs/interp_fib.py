# interp_fib: naive recursive Fibonacci, the call/return benchmark of issue 3's
# interpreter table ("recursive calls (fib 30)"). Pure Python-to-Python calls,
# int compare, add and subtract.
# Size = n. Result: fib(n).
# quick-size: 25
import sys
import time

DEFAULT_SIZE = 30
EXPECTED = {20: 6765, 25: 75025, 30: 832040}


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(n):
    return fib(n)


# ---- benchmark driver: identical in every program of bench/programs/ ----
def _bench_driver():
    options = {"--iterations": 5, "--warmup": 1, "--size": DEFAULT_SIZE}
    args = sys.argv[1:]
    if len(args) % 2 or any(flag not in options for flag in args[::2]):
        print(f"usage: {sys.argv[0]} [--iterations K] [--warmup W] [--size S]", file=sys.stderr)
        sys.exit(2)
    for flag, value in zip(args[::2], args[1::2]):
        options[flag] = int(value)
    size, warmup = options["--size"], options["--warmup"]
    if size not in EXPECTED:
        print(f"{sys.argv[0]}: no EXPECTED result for size {size} (known: {sorted(EXPECTED)})",
              file=sys.stderr)
        sys.exit(1)
    for index in range(warmup + options["--iterations"]):
        start = time.perf_counter()
        result = main(size)
        seconds = time.perf_counter() - start
        if result != EXPECTED[size]:
            print(f"{sys.argv[0]}: WRONG RESULT for size {size}: got {result!r}, "
                  f"expected {EXPECTED[size]!r}", file=sys.stderr)
            sys.exit(1)
        print(f"@@bench iter={index} warmup={1 if index < warmup else 0} seconds={seconds:.9f}")
    print("@@bench result=ok")


if __name__ == "__main__":
    _bench_driver()
