# chaos: the chaos game. A point jumps repeatedly towards randomly chosen
# affine maps (a Barnsley-fern-like iterated function system plus a
# Sierpinski triangle), and each visited point is plotted into a grid. The
# random numbers come from a linear congruential generator written here (no
# random module), so the sequence is identical on every runtime.
# Size = number of jumps per iteration. Result: (number of distinct cells
# hit, checksum of the hit counts) over both fractals.
# quick-size: 30000
import sys
import time

DEFAULT_SIZE = 100000
EXPECTED = {
    1000: (846, 916837997),
    30000: (8164, 924207271),
    50000: (9225, 952856475),
    100000: (10171, 678549150),
}

GRID_SIZE = 128


class LinearCongruential:
    """x' = (a * x + c) mod 2**48, returning the top bits as a float in [0, 1)."""

    MULTIPLIER = 25214903917
    INCREMENT = 11
    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.state = (seed ^ self.MULTIPLIER) & self.MASK

    def next_float(self):
        self.state = (self.state * self.MULTIPLIER + self.INCREMENT) & self.MASK
        return (self.state >> 16) / 4294967296.0


class AffineMap:
    """(x, y) -> (a x + b y + e, c x + d y + f), chosen with a given weight."""

    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def apply(self, x, y):
        return (self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f)


class Fractal:
    def __init__(self, maps, min_x, max_x, min_y, max_y):
        self.maps = maps
        total = sum(transform.weight for transform in maps)
        self.thresholds = []
        running = 0.0
        for transform in maps:
            running += transform.weight / total
            self.thresholds.append(running)
        self.min_x, self.max_x = min_x, max_x
        self.min_y, self.max_y = min_y, max_y

    def pick(self, value):
        for index, threshold in enumerate(self.thresholds):
            if value < threshold:
                return self.maps[index]
        return self.maps[-1]

    def cell_of(self, x, y):
        column = int((x - self.min_x) / (self.max_x - self.min_x) * (GRID_SIZE - 1))
        row = int((y - self.min_y) / (self.max_y - self.min_y) * (GRID_SIZE - 1))
        if 0 <= column < GRID_SIZE and 0 <= row < GRID_SIZE:
            return row * GRID_SIZE + column
        return -1


def fern():
    return Fractal([
        AffineMap(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1.0),
        AffineMap(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85.0),
        AffineMap(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7.0),
        AffineMap(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7.0),
    ], -2.2, 2.7, 0.0, 10.0)


def sierpinski():
    return Fractal([
        AffineMap(0.5, 0.0, 0.0, 0.5, 0.0, 0.0, 1.0),
        AffineMap(0.5, 0.0, 0.0, 0.5, 0.5, 0.0, 1.0),
        AffineMap(0.5, 0.0, 0.0, 0.5, 0.25, 0.5, 1.0),
    ], 0.0, 1.0, 0.0, 1.0)


def play(fractal, generator, jumps):
    grid = [0] * (GRID_SIZE * GRID_SIZE)
    x, y = 0.0, 0.0
    for step in range(jumps):
        x, y = fractal.pick(generator.next_float()).apply(x, y)
        if step >= 20:
            cell = fractal.cell_of(x, y)
            if cell >= 0:
                grid[cell] += 1
    return grid


def main(n):
    generator = LinearCongruential(42)
    distinct = 0
    checksum = 0
    for fractal in (fern(), sierpinski()):
        grid = play(fractal, generator, n // 2)
        for index, count in enumerate(grid):
            if count:
                distinct += 1
                checksum = (checksum * 7 + count * (index + 1)) % 1000000007
    return (distinct, checksum)


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
