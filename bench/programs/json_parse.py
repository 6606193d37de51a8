# json_parse: a small JSON toolkit written from scratch: a generator builds
# random nested documents with an in-program LCG, a writer serializes them to
# JSON text (string escapes, \u escapes, nested containers), and a scanner +
# recursive-descent parser reads the text back into dicts, lists, strings and
# numbers. The parsed value must equal the generated one; a visitor then
# summarizes it. Exercises string scanning, dict/list building, recursion and
# classes with several small methods.
# Size = number of top-level records in the document. Result: (length of the
# JSON text, node counts by kind, checksum of the parsed values).
# quick-size: 600
import sys
import time

DEFAULT_SIZE = 2000
EXPECTED = {
    5: (1487, (('array', 17), ('literal', 24), ('number', 40), ('object', 21), ('string', 16)), 665613019),
    600: (100376, (('array', 1125), ('literal', 1680), ('number', 2625), ('object', 1689), ('string', 902)), 628960896),
    1000: (163019, (('array', 1891), ('literal', 2733), ('number', 4277), ('object', 2740), ('string', 1469)), 91223316),
    2000: (328288, (('array', 3738), ('literal', 5560), ('number', 8530), ('object', 5533), ('string', 2938)), 157338517),
}

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}
WORDS = ["id", "name", "tags", "price", "active", "owner", "notes", "items", "score", "ratio"]


class JsonError(Exception):
    pass


class Random:
    """A 32-bit linear congruential generator (no random module needed)."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def below(self, bound):
        self.state = (self.state * 1664525 + 1013904223) & 0xFFFFFFFF
        return (self.state >> 8) % bound


class DocumentGenerator:
    """Builds a random document of nested dicts and lists with scalar leaves."""

    def __init__(self, random):
        self.random = random

    def value(self, depth):
        choice = self.random.below(10 if depth > 0 else 6)
        if choice == 0:
            return self.random.below(2000000) - 1000000
        if choice == 1:
            return (self.random.below(2000000) - 1000000) / 64.0
        if choice == 2:
            return self.text()
        if choice == 3:
            return self.random.below(2) == 1
        if choice == 4:
            return None
        if choice == 5:
            return self.random.below(100)
        if choice < 8:
            return [self.value(depth - 1) for _ in range(self.random.below(5))]
        return self.mapping(depth - 1)

    def text(self):
        pieces = []
        for _ in range(1 + self.random.below(4)):
            kind = self.random.below(12)
            if kind == 0:
                pieces.append('say "hi"')
            elif kind == 1:
                pieces.append("line\nbreak\ttab")
            elif kind == 2:
                pieces.append("caf\u00e9 \u00fc\u00df")
            elif kind == 3:
                pieces.append("back\\slash")
            else:
                pieces.append(WORDS[self.random.below(len(WORDS))])
        return " ".join(pieces)

    def mapping(self, depth):
        result = {}
        for index in range(1 + self.random.below(5)):
            key = WORDS[self.random.below(len(WORDS))] + str(index)
            result[key] = self.value(depth)
        return result

    def document(self, records):
        return {"version": 3, "records": [self.mapping(3) for _ in range(records)]}


class JsonWriter:
    """Serializes Python values to compact JSON; non-ASCII becomes \\uXXXX."""

    def __init__(self):
        self.parts = []

    def write(self, value):
        if value is None:
            self.parts.append("null")
        elif value is True:
            self.parts.append("true")
        elif value is False:
            self.parts.append("false")
        elif isinstance(value, int):
            self.parts.append(str(value))
        elif isinstance(value, float):
            self.parts.append(repr(value))
        elif isinstance(value, str):
            self.write_string(value)
        elif isinstance(value, list):
            self.parts.append("[")
            for index, item in enumerate(value):
                if index:
                    self.parts.append(",")
                self.write(item)
            self.parts.append("]")
        elif isinstance(value, dict):
            self.parts.append("{")
            for index, (key, item) in enumerate(value.items()):
                if index:
                    self.parts.append(",")
                self.write_string(key)
                self.parts.append(":")
                self.write(item)
            self.parts.append("}")
        else:
            raise JsonError(f"cannot serialize {type(value).__name__}")

    def write_string(self, text):
        out = ['"']
        for char in text:
            if char in ESCAPES:
                out.append(ESCAPES[char])
            elif ord(char) > 126:
                out.append(f"\\u{ord(char):04x}")
            else:
                out.append(char)
        out.append('"')
        self.parts.append("".join(out))

    def result(self):
        return "".join(self.parts)


class JsonParser:
    """Recursive-descent parser over the text; positions are character offsets."""

    def __init__(self, text):
        self.text = text
        self.position = 0

    def fail(self, message):
        raise JsonError(f"{message} at offset {self.position}")

    def skip_whitespace(self):
        text = self.text
        while self.position < len(text) and text[self.position] in " \t\r\n":
            self.position += 1

    def parse(self):
        value = self.value()
        self.skip_whitespace()
        if self.position != len(self.text):
            self.fail("trailing characters")
        return value

    def value(self):
        self.skip_whitespace()
        if self.position >= len(self.text):
            self.fail("unexpected end of input")
        char = self.text[self.position]
        if char == "{":
            return self.object()
        if char == "[":
            return self.array()
        if char == '"':
            return self.string()
        if char == "-" or "0" <= char <= "9":
            return self.number()
        for literal, result in (("true", True), ("false", False), ("null", None)):
            if self.text[self.position:self.position + len(literal)] == literal:
                self.position += len(literal)
                return result
        self.fail(f"unexpected character {char!r}")

    def expect(self, char):
        self.skip_whitespace()
        if self.position >= len(self.text) or self.text[self.position] != char:
            self.fail(f"expected {char!r}")
        self.position += 1

    def object(self):
        self.expect("{")
        result = {}
        self.skip_whitespace()
        if self.text[self.position] == "}":
            self.position += 1
            return result
        while True:
            self.skip_whitespace()
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            self.skip_whitespace()
            if self.text[self.position] == ",":
                self.position += 1
                continue
            self.expect("}")
            return result

    def array(self):
        self.expect("[")
        result = []
        self.skip_whitespace()
        if self.text[self.position] == "]":
            self.position += 1
            return result
        while True:
            result.append(self.value())
            self.skip_whitespace()
            if self.text[self.position] == ",":
                self.position += 1
                continue
            self.expect("]")
            return result

    def string(self):
        if self.text[self.position] != '"':
            self.fail("expected a string")
        self.position += 1
        text = self.text
        pieces = []
        start = self.position
        while True:
            if self.position >= len(text):
                self.fail("unterminated string")
            char = text[self.position]
            if char == '"':
                pieces.append(text[start:self.position])
                self.position += 1
                return "".join(pieces)
            if char == "\\":
                pieces.append(text[start:self.position])
                escape = text[self.position + 1]
                if escape == "u":
                    pieces.append(chr(int(text[self.position + 2:self.position + 6], 16)))
                    self.position += 6
                elif escape in UNESCAPES:
                    pieces.append(UNESCAPES[escape])
                    self.position += 2
                else:
                    self.fail(f"bad escape \\{escape}")
                start = self.position
            else:
                self.position += 1

    def number(self):
        text = self.text
        start = self.position
        if text[self.position] == "-":
            self.position += 1
        is_float = False
        while self.position < len(text):
            char = text[self.position]
            if "0" <= char <= "9":
                self.position += 1
            elif char in ".eE+-":
                is_float = True
                self.position += 1
            else:
                break
        literal = text[start:self.position]
        return float(literal) if is_float else int(literal)


class Summary:
    """Counts the nodes of a parsed value by kind and folds its leaves into a checksum."""

    def __init__(self):
        self.counts = {"object": 0, "array": 0, "string": 0, "number": 0, "literal": 0}
        self.checksum = 0

    def mix(self, amount):
        self.checksum = (self.checksum * 31 + amount) % 1000000007

    def visit(self, value):
        if isinstance(value, dict):
            self.counts["object"] += 1
            for key, item in value.items():
                self.mix(len(key))
                self.visit(item)
        elif isinstance(value, list):
            self.counts["array"] += 1
            for item in value:
                self.visit(item)
        elif isinstance(value, str):
            self.counts["string"] += 1
            self.mix(sum(ord(char) for char in value))
        elif value is None or value is True or value is False:
            self.counts["literal"] += 1
            self.mix(3 if value is None else int(value))
        else:
            self.counts["number"] += 1
            self.mix(int(value * 64) % 1000003)
        return self


def main(n):
    document = DocumentGenerator(Random(99)).document(n)
    writer = JsonWriter()
    writer.write(document)
    text = writer.result()
    parsed = JsonParser(text).parse()
    if parsed != document:
        raise JsonError("round trip changed the document")
    summary = Summary().visit(parsed)
    return (len(text), tuple(sorted(summary.counts.items())), summary.checksum)


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
