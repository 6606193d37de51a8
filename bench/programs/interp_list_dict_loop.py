# interp_list_dict_loop: list and dict traffic (issue 3's "list/dict-heavy
# loop"): build a list, index it, count into a dict, look keys up, and sum.
# Subscript load/store, list append, dict get/set, for loops over range.
# Size = items in thousands. Result: (len, checksum, distinct keys).
# quick-size: 50
import sys
import time

DEFAULT_SIZE = 200
EXPECTED = {
    5: (5000, 12899175, 97),
    50: (50000, 1289958750, 97),
    200: (200000, 20639340000, 97),
}


def main(size):
    n = size * 1000
    items = []
    for i in range(n):
        items.append((i * 7) % 1000)
    counts = {}
    for value in items:
        key = value % 97
        counts[key] = counts.get(key, 0) + 1
    total = 0
    for i in range(n):
        total += items[i] * counts[items[i] % 97] // 10
    return (len(items), total, len(counts))


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
