# A small JSON parser and serializer written with classes: tokenizer, recursive-descent
# parser, error reporting with positions, and a pretty printer. Ordinary Python style.


class JsonError(Exception):
    """A parse error that knows where it happened."""

    def __init__(self, message, position):
        super().__init__(f"{message} at position {position}")
        self.message = message
        self.position = position


class Token:
    __slots__ = ("kind", "value", "position")

    def __init__(self, kind, value, position):
        self.kind = kind
        self.value = value
        self.position = position

    def __repr__(self):
        return f"Token({self.kind}, {self.value!r}, {self.position})"


class Tokenizer:
    PUNCTUATION = {"{": "LBRACE", "}": "RBRACE", "[": "LBRACKET", "]": "RBRACKET",
                   ":": "COLON", ",": "COMMA"}
    KEYWORDS = {"true": True, "false": False, "null": None}
    ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def tokens(self):
        while True:
            self.skip_whitespace()
            if self.pos >= len(self.text):
                yield Token("EOF", None, self.pos)
                return
            ch = self.text[self.pos]
            if ch in self.PUNCTUATION:
                yield Token(self.PUNCTUATION[ch], ch, self.pos)
                self.pos += 1
            elif ch == '"':
                yield self.read_string()
            elif ch == "-" or ch.isdigit():
                yield self.read_number()
            elif ch.isalpha():
                yield self.read_keyword()
            else:
                raise JsonError(f"unexpected character {ch!r}", self.pos)

    def skip_whitespace(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def read_string(self):
        start = self.pos
        self.pos += 1
        chars = []
        while True:
            if self.pos >= len(self.text):
                raise JsonError("unterminated string", start)
            ch = self.text[self.pos]
            if ch == '"':
                self.pos += 1
                return Token("STRING", "".join(chars), start)
            if ch == "\\":
                self.pos += 1
                code = self.text[self.pos:self.pos + 1]
                if code == "u":
                    digits = self.text[self.pos + 1:self.pos + 5]
                    chars.append(chr(int(digits, 16)))
                    self.pos += 5
                    continue
                if code not in self.ESCAPES:
                    raise JsonError(f"bad escape \\{code}", self.pos - 1)
                chars.append(self.ESCAPES[code])
            else:
                chars.append(ch)
            self.pos += 1

    def read_number(self):
        start = self.pos
        if self.text[self.pos] == "-":
            self.pos += 1
        while self.pos < len(self.text) and (self.text[self.pos].isdigit() or self.text[self.pos] in ".eE+-"):
            self.pos += 1
        literal = self.text[start:self.pos]
        try:
            value = float(literal) if any(c in literal for c in ".eE") else int(literal)
        except ValueError:
            raise JsonError(f"bad number {literal!r}", start) from None
        return Token("NUMBER", value, start)

    def read_keyword(self):
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos].isalpha():
            self.pos += 1
        word = self.text[start:self.pos]
        if word not in self.KEYWORDS:
            raise JsonError(f"unknown literal {word!r}", start)
        return Token("LITERAL", self.KEYWORDS[word], start)


class Parser:
    def __init__(self, text):
        self.tokens = Tokenizer(text).tokens()
        self.current = next(self.tokens)

    def advance(self):
        token = self.current
        self.current = next(self.tokens)
        return token

    def expect(self, kind):
        if self.current.kind != kind:
            raise JsonError(f"expected {kind}, found {self.current.kind}", self.current.position)
        return self.advance()

    def parse(self):
        value = self.parse_value()
        if self.current.kind != "EOF":
            raise JsonError("trailing data", self.current.position)
        return value

    def parse_value(self):
        kind = self.current.kind
        if kind == "LBRACE":
            return self.parse_object()
        if kind == "LBRACKET":
            return self.parse_array()
        if kind in ("STRING", "NUMBER", "LITERAL"):
            return self.advance().value
        raise JsonError(f"unexpected {kind}", self.current.position)

    def parse_object(self):
        self.expect("LBRACE")
        result = {}
        if self.current.kind == "RBRACE":
            self.advance()
            return result
        while True:
            key = self.expect("STRING").value
            self.expect("COLON")
            result[key] = self.parse_value()
            if self.current.kind == "COMMA":
                self.advance()
                continue
            self.expect("RBRACE")
            return result

    def parse_array(self):
        self.expect("LBRACKET")
        items = []
        if self.current.kind == "RBRACKET":
            self.advance()
            return items
        while True:
            items.append(self.parse_value())
            if self.current.kind == "COMMA":
                self.advance()
                continue
            self.expect("RBRACKET")
            return items


class Serializer:
    def __init__(self, indent=None, sort_keys=False):
        self.indent = indent
        self.sort_keys = sort_keys

    def dumps(self, value):
        return "".join(self.emit(value, 0))

    def emit(self, value, level):
        if value is None:
            yield "null"
        elif value is True:
            yield "true"
        elif value is False:
            yield "false"
        elif isinstance(value, (int, float)):
            yield repr(value)
        elif isinstance(value, str):
            yield self.quote(value)
        elif isinstance(value, (list, tuple)):
            yield from self.emit_container("[", "]", [(None, v) for v in value], level)
        elif isinstance(value, dict):
            keys = sorted(value) if self.sort_keys else list(value)
            yield from self.emit_container("{", "}", [(k, value[k]) for k in keys], level)
        else:
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    def emit_container(self, open_, close, entries, level):
        if not entries:
            yield open_ + close
            return
        yield open_
        for index, (key, item) in enumerate(entries):
            if index:
                yield ","
            if self.indent is not None:
                yield "\n" + " " * (self.indent * (level + 1))
            elif index:
                yield " "
            if key is not None:
                yield self.quote(key) + ": "
            yield from self.emit(item, level + 1)
        if self.indent is not None:
            yield "\n" + " " * (self.indent * level)
        yield close

    @staticmethod
    def quote(text):
        out = ['"']
        for ch in text:
            if ch == '"' or ch == "\\":
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\n")
            elif ch == "\t":
                out.append("\\t")
            elif ord(ch) < 0x20:
                out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)


def loads(text):
    return Parser(text).parse()


def dumps(value, **options):
    return Serializer(**options).dumps(value)


DOCUMENT = '''
{
  "name": "stitch",
  "version": 2.5,
  "tags": ["runtime", "python", "threads"],
  "stable": false,
  "license": null,
  "counts": {"files": 120, "tests": -7, "ratio": 1.5e3},
  "quote": "she said \\"hi\\"\\n\\ttab \\u00e9",
  "nested": [[], {}, [1, [2, [3]]]]
}
'''

if __name__ == "__main__":
    data = loads(DOCUMENT)
    print(sorted(data))
    print(data["name"], data["version"], data["tags"][1], data["stable"], data["license"])
    print(data["counts"], data["nested"])
    print(repr(data["quote"]))
    print(dumps(data["counts"]))
    print(dumps(data, indent=2, sort_keys=True))
    round_trip = loads(dumps(data))
    print(round_trip == data)
    for text in ['[1, 2', '{"a" 1}', '[tru]', '"open', '{"k": 1} x', '[1, @]', '[-]', '"\\q"']:
        try:
            loads(text)
        except JsonError as error:
            print(f"{text!r:14} -> {error} ({error.message!r}, {error.position})")
    try:
        dumps({"when": {1, 2}})
    except TypeError as error:
        print("TypeError:", error)
    tokens = list(Tokenizer('{"x": [true, 12]}').tokens())
    print(tokens[:4])
    print(len(tokens), [t.kind for t in tokens])
    print(dumps([1, "two", [3.0, None], {"k": False}]))
    print(dumps({}), dumps([]), dumps("a\\b"), dumps({"e": []}, indent=4))
