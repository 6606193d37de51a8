# nqueens: count (and fingerprint) every placement of n non-attacking queens
# on an n x n board by recursive backtracking over rows, with sets for the
# occupied columns and diagonals.
# Size = n. Result: (number of solutions, checksum of the solutions' columns).
# quick-size: 10
import sys
import time

DEFAULT_SIZE = 10
EXPECTED = {
    6: (4, 1833678),
    8: (92, 43338977),
    10: (724, 362021170),
    11: (2680, 1315261934),
}


class Board:
    def __init__(self, size):
        self.size = size
        self.columns = set()
        self.rising = set()
        self.falling = set()
        self.placement = []

    def is_free(self, row, column):
        return (column not in self.columns
                and row + column not in self.rising
                and row - column not in self.falling)

    def place(self, row, column):
        self.columns.add(column)
        self.rising.add(row + column)
        self.falling.add(row - column)
        self.placement.append(column)

    def remove(self, row, column):
        self.columns.discard(column)
        self.rising.discard(row + column)
        self.falling.discard(row - column)
        self.placement.pop()


def solve(board, row, solutions):
    if row == board.size:
        solutions.append(tuple(board.placement))
        return
    for column in range(board.size):
        if board.is_free(row, column):
            board.place(row, column)
            solve(board, row + 1, solutions)
            board.remove(row, column)


def fingerprint(solution):
    value = 0
    for column in solution:
        value = (value * 31 + column) % 1000003
    return value


def main(n):
    solutions = []
    solve(Board(n), 0, solutions)
    return (len(solutions), sum(fingerprint(solution) for solution in solutions))


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
