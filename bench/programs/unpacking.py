# unpacking: loops dominated by tuple packing and unpacking: swaps, parallel
# assignment, unpacking in for-loop targets, starred unpacking, returning and
# unpacking several values, and nested tuple patterns.
# Size = number of loop rounds. Result: a tuple of checksums.
# quick-size: 100000
import sys
import time

DEFAULT_SIZE = 300000
EXPECTED = {
    100: ((687995182, 782204094), 4960, 25550, 1119, 9855),
    100000: ((911435502, 967618232), 999949982, 98042301, 93883333, 118408752),
    150000: ((16145031, 30063594), 3249924954, 205613336, 461062486, 515848365),
    300000: ((283241216, 702036430), 999849702, 762864176, 843999937, 61108241),
}

MODULUS = 1000000007


def divide_with_remainder(value, divisor):
    return value // divisor, value % divisor, divisor


def fibonacci_pairs(rounds):
    a, b = 0, 1
    for _ in range(rounds):
        a, b = b, (a + b) % MODULUS
    return a, b


def rotate_four(rounds):
    a, b, c, d = 1, 2, 3, 4
    for step in range(rounds):
        a, b, c, d = b, c, d, (a + step) % MODULUS
    return a + b + c + d


def walk_records(rounds):
    records = [(index, (index * 7 % 13, index * 3 % 5), str(index % 10)) for index in range(64)]
    total = 0
    for round_index in range(rounds // 64 + 1):
        for key, (first, second), label in records:
            total += key * first + second + len(label) + round_index
    return total % MODULUS


def starred(rounds):
    total = 0
    row = (1, 2, 3, 4, 5, 6)
    for step in range(rounds // 4):
        head, *middle, tail = row
        first, second, *rest = middle
        total += head * step + tail + first - second + len(rest)
        row = (tail, head, first, second) + tuple(rest)
    return total % MODULUS


def quotients(rounds):
    total = 0
    for value in range(1, rounds):
        quotient, remainder, divisor = divide_with_remainder(value * 31, 17)
        total += quotient - remainder + divisor
    return total % MODULUS


def main(n):
    return (fibonacci_pairs(n), rotate_four(n), walk_records(n), starred(n), quotients(n))


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
