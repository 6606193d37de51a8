# attribute_points: instance attribute reads and writes on small objects (Point and a subclass
# that adds its attributes in another order), with integer math only, so the time goes to
# attribute lookup and storage. Stresses the instance layout (issue 7: hidden classes).
# Size = number of update rounds over 200 points. Result: checksums of the coordinates.
# quick-size: 300
import sys
import time

DEFAULT_SIZE = 1000
EXPECTED = {
    10: (13891, 36831, 201943, 167),
    300: (129601, 217755, 681940, 5025),
    1000: (130171, 241014, 267358, 16750),
}


class Point:
    def __init__(self, seed):
        self.x = seed % 101
        self.y = (seed * 7) % 103
        self.z = (seed * 13) % 107
        self.dx = 1 + seed % 3
        self.dy = 2 - seed % 5
        self.dz = seed % 7 - 3

    def move(self):
        self.x = (self.x + self.dx) % 1009
        self.y = (self.y + self.dy) % 1013
        self.z = (self.z + self.dz) % 1019

    def bounce(self):
        if self.x > 1000:
            self.dx = -self.dx
        if self.y < 5:
            self.dy = -self.dy


class TaggedPoint(Point):
    def __init__(self, seed):
        self.tag = seed % 4
        self.hits = 0
        Point.__init__(self, seed)

    def move(self):
        Point.move(self)
        if self.x % 4 == self.tag:
            self.hits += 1


def main(n):
    points = [TaggedPoint(i) if i % 3 == 0 else Point(i) for i in range(200)]
    for _ in range(n):
        for p in points:
            p.move()
            p.bounce()
    sx = sy = sz = hits = 0
    for p in points:
        sx += p.x
        sy += p.y * 3
        sz += p.z * 7
        if isinstance(p, TaggedPoint):
            hits += p.hits
    return (sx, sy, sz, hits)


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
