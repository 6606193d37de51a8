# tokenizer_parser: generate arithmetic-expression source text with an
# in-program linear congruential generator, split it into tokens with a
# hand-written character scanner, parse the tokens by recursive descent into
# a tree of node objects, and evaluate the trees. Exercises string indexing,
# character classification, small-object allocation, recursion and dynamic
# dispatch.
# Size = number of expressions per iteration. Result: (number of tokens,
# checksum of the values, deepest nesting seen).
# quick-size: 300
import sys
import time

DEFAULT_SIZE = 1200
EXPECTED = {
    10: (1053, 503540625, 23),
    300: (21604, 698213801, 30),
    500: (35682, 353607775, 35),
    1200: (85141, 404122988, 35),
}

MODULUS = 1000000007


class Generator:
    """Builds random expressions; a 31-bit LCG keeps the text identical everywhere."""

    def __init__(self, seed):
        self.state = seed

    def next_int(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound

    def expression(self, depth):
        if depth <= 0 or self.next_int(10) < 3:
            return self.atom(depth)
        operator = "+-*%"[self.next_int(4)]
        left = self.expression(depth - 1)
        right = self.expression(depth - 1)
        if operator == "%":
            right = f"({right}) * 0 + {self.next_int(97) + 2}"
        return f"{left} {operator} {right}"

    def atom(self, depth):
        choice = self.next_int(6)
        if choice == 0 and depth > 0:
            return f"-({self.expression(depth - 1)})"
        if choice == 1 and depth > 0:
            return f"({self.expression(depth - 1)})"
        if choice == 2:
            return f"max({self.next_int(1000)}, {self.next_int(1000)})"
        return str(self.next_int(100000))


class Token:
    def __init__(self, kind, text, position):
        self.kind = kind
        self.text = text
        self.position = position

    def __repr__(self):
        return f"Token({self.kind}, {self.text!r}, {self.position})"


class ParseError(Exception):
    pass


def is_name_start(char):
    return "a" <= char <= "z" or "A" <= char <= "Z" or char == "_"


def tokenize(source):
    tokens = []
    position = 0
    length = len(source)
    while position < length:
        char = source[position]
        if char == " ":
            position += 1
        elif "0" <= char <= "9":
            start = position
            while position < length and "0" <= source[position] <= "9":
                position += 1
            tokens.append(Token("number", source[start:position], start))
        elif is_name_start(char):
            start = position
            while position < length and (is_name_start(source[position]) or "0" <= source[position] <= "9"):
                position += 1
            tokens.append(Token("name", source[start:position], start))
        elif char in "+-*%(),":
            tokens.append(Token("op", char, position))
            position += 1
        else:
            raise ParseError(f"unexpected character {char!r} at {position}")
    tokens.append(Token("end", "", length))
    return tokens


class Number:
    def __init__(self, value):
        self.value = value

    def evaluate(self):
        return self.value

    def depth(self):
        return 1


class Negate:
    def __init__(self, operand):
        self.operand = operand

    def evaluate(self):
        return -self.operand.evaluate()

    def depth(self):
        return 1 + self.operand.depth()


class Binary:
    def __init__(self, operator, left, right):
        self.operator = operator
        self.left = left
        self.right = right

    def evaluate(self):
        left = self.left.evaluate()
        right = self.right.evaluate()
        if self.operator == "+":
            return (left + right) % MODULUS
        if self.operator == "-":
            return (left - right) % MODULUS
        if self.operator == "*":
            return (left * right) % MODULUS
        return left % right

    def depth(self):
        return 1 + max(self.left.depth(), self.right.depth())


class Call:
    def __init__(self, name, arguments):
        self.name = name
        self.arguments = arguments

    def evaluate(self):
        values = [argument.evaluate() for argument in self.arguments]
        if self.name == "max":
            return max(values)
        raise ParseError(f"unknown function {self.name}")

    def depth(self):
        return 1 + max(argument.depth() for argument in self.arguments)


class Parser:
    """expr := term (('+'|'-') term)*; term := unary (('*'|'%') unary)*;
    unary := '-' unary | primary; primary := number | name '(' args ')' | '(' expr ')'."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.index = 0

    def peek(self):
        return self.tokens[self.index]

    def advance(self):
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, text):
        token = self.advance()
        if token.text != text:
            raise ParseError(f"expected {text!r} at {token.position}, found {token.text!r}")
        return token

    def parse(self):
        tree = self.expression()
        if self.peek().kind != "end":
            raise ParseError(f"trailing input at {self.peek().position}")
        return tree

    def expression(self):
        tree = self.term()
        while self.peek().text in ("+", "-"):
            operator = self.advance().text
            tree = Binary(operator, tree, self.term())
        return tree

    def term(self):
        tree = self.unary()
        while self.peek().text in ("*", "%"):
            operator = self.advance().text
            tree = Binary(operator, tree, self.unary())
        return tree

    def unary(self):
        if self.peek().text == "-":
            self.advance()
            return Negate(self.unary())
        return self.primary()

    def primary(self):
        token = self.advance()
        if token.kind == "number":
            return Number(int(token.text))
        if token.kind == "name":
            self.expect("(")
            arguments = [self.expression()]
            while self.peek().text == ",":
                self.advance()
                arguments.append(self.expression())
            self.expect(")")
            return Call(token.text, arguments)
        if token.text == "(":
            tree = self.expression()
            self.expect(")")
            return tree
        raise ParseError(f"unexpected {token.text!r} at {token.position}")


def main(n):
    generator = Generator(2024)
    token_count = 0
    checksum = 0
    deepest = 0
    for _ in range(n):
        source = generator.expression(6)
        tokens = tokenize(source)
        tree = Parser(tokens).parse()
        token_count += len(tokens)
        checksum = (checksum * 31 + tree.evaluate()) % MODULUS
        deepest = max(deepest, tree.depth())
    return (token_count, checksum, deepest)


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
