# interp_float_loop: a float-heavy loop (issue 3's "float loop"): a damped
# oscillator integrated with explicit Euler steps, plus a running sum of
# squares. Float multiply/add/subtract, local variables, a while loop.
# Size = steps in thousands. Result: the rounded final state.
# quick-size: 200
import sys
import time

DEFAULT_SIZE = 1000
EXPECTED = {
    10: (0.869982, -2.419835, 194061.15),
    200: (-0.152444, -2.119796, 1772740.78),
    1000: (-0.005723, 0.022407, 2049926.25),
}


def main(size):
    steps = size * 1000
    x = 1.0
    v = 0.0
    dt = 0.001
    k = 40.0
    damping = 0.01
    energy = 0.0
    i = 0
    while i < steps:
        a = -k * x - damping * v
        v = v + a * dt
        x = x + v * dt
        energy = energy + (x * x + v * v) * dt
        i += 1
    return (round(x, 6), round(v, 6), round(energy * 1000.0, 2))


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
