# interp_string_loop: string building (issue 3's "string-building loop"):
# concatenation with +=, f-strings, str() of ints, join and split.
# Size = pieces in thousands. Result: (length, a checksum of the pieces).
# quick-size: 20
import sys
import time

DEFAULT_SIZE = 100
EXPECTED = {
    2: (12890, 2000),
    20: (148890, 20000),
    100: (788890, 100000),
}


def main(size):
    n = size * 1000
    text = ""
    for i in range(n):
        text += f"{i}:" + str(i % 10) + ","
    pieces = text.split(",")
    joined = "|".join(pieces)
    return (len(joined), len(pieces) - 1)


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
