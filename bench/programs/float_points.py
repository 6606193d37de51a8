# float_points: allocate many small Point objects holding floats, normalize
# each one, and fold them into a running component-wise maximum. Stresses
# object creation, attribute access and float arithmetic (no math module: the
# coordinates come from a cheap polynomial of the index and sqrt is `** 0.5`).
# Size = number of points per iteration. Result: the maximum point's
# components rounded to 9 digits and the sum of the normalized y values.
# quick-size: 40000
import sys
import time

DEFAULT_SIZE = 150000
EXPECTED = {
    1000: (0.765732646, 0.535349559, 0.900897644, 64.325101),
    40000: (0.895319821, 0.542195522, 0.999998742, 471.991752),
    60000: (0.895319821, 0.542195522, 0.999998742, 476.408409),
    150000: (0.895319821, 0.542195522, 0.999998742, 481.506289),
}


class Point:
    def __init__(self, index):
        t = index * 0.001
        self.x = 1.5 + t * (0.75 - t * 0.125)
        self.y = (index % 97) * 0.03125 - 1.25
        self.z = 0.5 * t * t - 2.0 * t + 3.25

    def length(self):
        return (self.x * self.x + self.y * self.y + self.z * self.z) ** 0.5

    def normalize(self):
        norm = self.length()
        if norm == 0.0:
            return self
        self.x /= norm
        self.y /= norm
        self.z /= norm
        return self

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.z})"


def maximize_all(points):
    best = points[0]
    for point in points[1:]:
        best = best.maximize(point)
    return best


def main(n):
    points = [Point(index) for index in range(n)]
    spread = 0.0
    for point in points:
        spread += point.normalize().y
    best = maximize_all(points)
    return (round(best.x, 9), round(best.y, 9), round(best.z, 9), round(spread, 6))


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
