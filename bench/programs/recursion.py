# recursion: deeply and widely recursive functions: naive Fibonacci, an
# Ackermann-style function on small arguments, building and folding binary
# trees, and a recursive Tower of Hanoi move counter. Exercises call and
# return overhead and frame creation.
# Size = the Fibonacci argument; the other parts scale with it. Result: a
# tuple of the values computed.
# quick-size: 22
import sys
import time

DEFAULT_SIZE = 24
EXPECTED = {
    12: (144, 99, 31, 63, 9),
    22: (17711, 179, 32767, 65535, 7287),
    24: (46368, 195, 131071, 262143, 29133),
}


def fibonacci(n):
    if n < 2:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make_tree(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make_tree(depth - 1), make_tree(depth - 1))


def count_nodes(node):
    if node.left is None:
        return 1
    return 1 + count_nodes(node.left) + count_nodes(node.right)


def hanoi(disks, source, target, spare, moves):
    if disks == 0:
        return
    hanoi(disks - 1, source, spare, target, moves)
    moves[source * 3 + target] += 1
    hanoi(disks - 1, spare, target, source, moves)


def main(n):
    moves = [0] * 9
    hanoi(n - 6, 0, 2, 1, moves)
    return (
        fibonacci(n),
        ackermann(2, n * 4),
        count_nodes(make_tree(n - 8)),
        sum(moves),
        moves[2],
    )


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
