# word_count: generate text from a synthetic vocabulary with an in-program
# linear congruential generator, then count words with dicts: plain counts,
# counts of word lengths, bigram counts via dict.get and setdefault-built
# index lists, and a final sort for the most frequent words.
# Size = number of words generated. Result: (distinct words, distinct
# bigrams, the five most frequent words with counts, checksum).
# quick-size: 30000
import sys
import time

DEFAULT_SIZE = 100000
EXPECTED = {
    100: (86, 99, (('ionquasa', 3), ('ionka', 2), ('ionru', 2), ('karuion', 2), ('karuqua', 2)), 937385735),
    30000: (488, 24557, (('ionquasa', 485), ('ionru', 338), ('vo', 327), ('vone', 305), ('zequastr', 276)), 347441200),
    50000: (492, 36997, (('ionquasa', 821), ('ionru', 566), ('vo', 528), ('vone', 493), ('zequastr', 482)), 954342150),
    100000: (497, 60137, (('ionquasa', 1699), ('ionru', 1153), ('vo', 1077), ('vone', 987), ('zequastr', 973)), 119860779),
}

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "qua", "str", "ion"]


class Random:
    def __init__(self, seed):
        self.state = seed

    def below(self, bound):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % bound


def make_vocabulary(random, size):
    words = []
    seen = set()
    while len(words) < size:
        word = "".join(SYLLABLES[random.below(len(SYLLABLES))] for _ in range(1 + random.below(3)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def make_text(random, vocabulary, count):
    lines = []
    line = []
    for _ in range(count):
        # Skewed choice: low indices are much more frequent (Zipf-like).
        index = random.below(len(vocabulary))
        index = index * random.below(len(vocabulary)) // len(vocabulary)
        line.append(vocabulary[index])
        if len(line) == 12:
            sentence = " ".join(line)
            lines.append(sentence[0].upper() + sentence[1:] + ".")
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


def count_words(text):
    counts = {}
    lengths = {}
    bigrams = {}
    positions = {}
    previous = None
    for position, raw in enumerate(text.split()):
        word = raw.strip(".").lower()
        counts[word] = counts.get(word, 0) + 1
        lengths[len(word)] = lengths.get(len(word), 0) + 1
        if previous is not None:
            pair = (previous, word)
            bigrams[pair] = bigrams.get(pair, 0) + 1
        positions.setdefault(word, []).append(position)
        previous = word
    return counts, lengths, bigrams, positions


def main(n):
    random = Random(7)
    vocabulary = make_vocabulary(random, 500)
    text = make_text(random, vocabulary, n)
    counts, lengths, bigrams, positions = count_words(text)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:5]
    checksum = 0
    for word in sorted(positions):
        checksum = (checksum * 17 + sum(positions[word]) + len(word)) % 1000000007
    for length in sorted(lengths):
        checksum = (checksum * 3 + length * lengths[length]) % 1000000007
    return (len(counts), len(bigrams), tuple(top), checksum)


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
