# fannkuch: for every permutation of 1..n, repeatedly reverse the prefix whose
# length is the first element until 1 comes first, and record the number of
# flips. Permutations are generated in place by a counting scheme, so the
# work is list slicing, swaps and small integer arithmetic.
# Size = n. Result: (checksum, maximum flips) where the checksum adds the flip
# counts with alternating signs in generation order.
# quick-size: 8
import sys
import time

DEFAULT_SIZE = 8
EXPECTED = {
    7: (228, 16),
    8: (1616, 22),
    9: (8629, 30),
}


def main(n):
    permutation = list(range(n))
    counters = [index + 1 for index in range(n)]
    max_flips = 0
    checksum = 0
    sign = 1
    while True:
        first = permutation[0]
        if first:
            flipped = permutation[:]
            flips = 0
            while first:
                flipped[:first + 1] = flipped[first::-1]
                flips += 1
                first = flipped[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips * sign
        # Advance to the next permutation: rotate the prefix of length r + 1
        # for the smallest r whose counter is not exhausted.
        sign = -sign
        position = 1
        while True:
            if position == n:
                return (checksum, max_flips)
            head = permutation[0]
            permutation[:position] = permutation[1:position + 1]
            permutation[position] = head
            counters[position] -= 1
            if counters[position] > 0:
                break
            counters[position] = position + 1
            position += 1


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
