# generators: data pipelines built from generator functions, `yield from`
# delegation and generator expressions: a counter feeds a filter, a sliding
# window, a mapping stage and a chunker; a recursive generator walks a tree.
# Exercises generator creation, suspension and resumption.
# Size = number of items pushed through the pipeline. Result: (items out of
# the pipeline, pipeline checksum, tree-walk checksum).
# quick-size: 100000
import sys
import time

DEFAULT_SIZE = 300000
EXPECTED = {
    100: (20, 14699, 36),
    100000: (19048, 999697522, 39062500),
    150000: (28572, 749546199, 87890625),
    300000: (57144, 999091920, 351562500),
}


def count_up(limit):
    value = 0
    while value < limit:
        yield value
        value += 1


def keep_if(predicate, source):
    for item in source:
        if predicate(item):
            yield item


def pairs_of_neighbours(source):
    previous = None
    for item in source:
        if previous is not None:
            yield previous, item
        previous = item


def chunks(source, size):
    chunk = []
    for item in source:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(groups):
    for group in groups:
        yield from group


class Tree:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right

    def walk(self):
        if self.left is not None:
            yield from self.left.walk()
        yield self.value
        if self.right is not None:
            yield from self.right.walk()


def build_tree(low, high):
    if low > high:
        return None
    middle = (low + high) // 2
    return Tree(middle, build_tree(low, middle - 1), build_tree(middle + 1, high))


def main(n):
    numbers = keep_if(lambda value: value % 3 != 1, count_up(n))
    differences = (b * b - a * a for a, b in pairs_of_neighbours(numbers))
    sums = (sum(chunk) for chunk in chunks(differences, 7))
    produced = 0
    checksum = 0
    for value in flatten([total, total // 2] for total in sums):
        produced += 1
        checksum = (checksum + value) % 1000000007
    tree = build_tree(0, n // 8)
    walked = sum(value for value in tree.walk() if value & 1)
    return (produced, checksum, walked)


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
