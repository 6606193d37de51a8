# spectral_norm: the spectral norm of the infinite matrix A with
# a[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), by ten rounds of the power
# method on its n x n corner. Float arithmetic and nested loops over lists.
# Size = n. Result: the norm rounded to 9 digits.
# quick-size: 80
import sys
import time

DEFAULT_SIZE = 160
EXPECTED = {
    80: 1.27421623,
    100: 1.274219991,
    120: 1.2742217,
    160: 1.274223093,
}


def matrix_entry(i, j):
    total = i + j
    return 1.0 / (total * (total + 1) // 2 + i + 1)


def multiply_a(vector, size):
    result = []
    for i in range(size):
        accumulated = 0.0
        for j in range(size):
            accumulated += matrix_entry(i, j) * vector[j]
        result.append(accumulated)
    return result


def multiply_a_transposed(vector, size):
    result = []
    for i in range(size):
        accumulated = 0.0
        for j in range(size):
            accumulated += matrix_entry(j, i) * vector[j]
        result.append(accumulated)
    return result


def multiply_ata(vector, size):
    return multiply_a_transposed(multiply_a(vector, size), size)


def main(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = multiply_ata(u, n)
        u = multiply_ata(v, n)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return round((vbv / vv) ** 0.5, 9)


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
