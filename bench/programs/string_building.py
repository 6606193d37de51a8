# string_building: build text in the ways ordinary programs do: f-strings with
# format specs, str.join over generated pieces, repeated += concatenation,
# %-formatting and str.format, plus a few slices, upper/replace calls and
# splits of the result. The checksum is computed from the characters (not
# hash(), which is randomized per process).
# Size = number of records formatted. Result: (total length, character
# checksum, number of lines).
# quick-size: 20000
import sys
import time

DEFAULT_SIZE = 60000
EXPECTED = {
    100: (5868, 305297967, 171),
    20000: (1203334, 745058867, 33735),
    30000: (1808688, 154018964, 50601),
    60000: (3624789, 271118274, 101201),
}

NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


def record_line(index):
    name = NAMES[index % len(NAMES)]
    ratio = index / 7.0
    return f"{index:06d} | {name:<8} | {ratio:10.3f} | {index * 37 % 1000:>4} | {name.upper()[:3]}"


def report(count):
    lines = [record_line(index) for index in range(count)]
    return "\n".join(lines)


def concatenated(count):
    # += builds each short line; the lines are joined, as careful code does
    # (a single ever-growing += string would be quadratic on some runtimes).
    lines = []
    line = ""
    for index in range(count):
        line += str(index % 10)
        if index % 50 == 49:
            lines.append(line)
            line = ""
    lines.append(line)
    return "\n".join(lines)


def templated(count):
    pieces = []
    for index in range(0, count, 3):
        pieces.append("item %d of %s: %.2f%%" % (index, NAMES[index % 8], index * 100.0 / count))
        pieces.append("{0}-{1}-{0}".format(NAMES[index % 5], index))
    return ";".join(pieces)


def checksum_of(text):
    total = 0
    for index in range(0, len(text), 7):
        total = (total * 131 + ord(text[index])) % 1000000007
    return total


def main(n):
    first = report(n)
    second = concatenated(n)
    third = templated(n).replace(";", "\n").replace("echo", "ECHO")
    combined = first + "\n" + second + "\n" + third
    line_count = len(combined.split("\n"))
    return (len(combined), checksum_of(combined), line_count)


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
