#!/usr/bin/env python3
"""Generates Stitch's Unicode character database from the running CPython 3.11 (Unicode 14.0.0).

Run by the build (core/unicode/CMakeLists.txt); nothing it writes is committed.

    gen_unicode_tables.py --tables OUT.cpp [--test-data OUT.txt]

Ground truth is CPython itself: every property is read off the str methods of the running
interpreter (c.isalpha(), c.upper(), ...), plus unicodedata for numeric values and categories.
Two properties that CPython keeps internal are observed through behaviour:

  CASED           ('a' + c + 'b').title() ends in 'b'  <=> c is cased (title() lower-cases the
                  character after a cased one and title-cases the one after an uncased one).
  CASE_IGNORABLE  'Σ' is final in 'AΣ' + c and not final in 'AΣ' + c + 'B'  <=> c is
                  case-ignorable (the final-sigma rule skips case-ignorable characters).

The C++ tables: every code point has one `CharRecord` (property bits, four case mappings, decimal,
digit and numeric value). Records are deduplicated (case mappings are stored as deltas, so all of
'A'..'Z' share one record), and a two-level index maps a code point to its record:

    block  = kBlockIndex[cp >> kShift]
    record = kRecordIndex[(block << kShift) + (cp & ((1 << kShift) - 1))]

Identical blocks of 2**kShift records are stored once; kShift is chosen to minimise table bytes.
A case mapping field holds either a delta (target - cp) or, for mappings that expand to 2 or 3
code points, kSpecialMappingBase + an index into kSpecialMappings ({count, c1, c2, c3}).

The optional test data lists, for runs of code points with identical expectations, the raw
observations (properties, mappings as deltas / code point lists, numeric values), plus string-level
cases (upper/lower/title/... of random strings) that the gtest compares against the library.
"""

import argparse
import random
import sys
import unicodedata

REQUIRED_PYTHON = (3, 11)
REQUIRED_UNICODE = "14.0.0"

# Property bits; keep in sync with core/unicode/char_database.h (the generated file static_asserts).
PROPERTY_BITS = [
    "ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "UPPER", "LOWER", "TITLE", "PRINTABLE",
    "XID_START", "XID_CONTINUE", "CASED", "CASE_IGNORABLE", "LINEBREAK",
]
BIT = {name: 1 << i for i, name in enumerate(PROPERTY_BITS)}
MAX_CODE_POINT = 0x10FFFF
SPECIAL_MAPPING_BASE = 0x01000000  # above any delta (|delta| <= 0x10FFFF)


def check_interpreter():
    if sys.version_info[:2] != REQUIRED_PYTHON or unicodedata.unidata_version != REQUIRED_UNICODE:
        sys.exit("gen_unicode_tables.py: needs Python %d.%d (Unicode %s) for CPython parity, got "
                 "Python %d.%d.%d (Unicode %s) at %s" % (
                     REQUIRED_PYTHON + (REQUIRED_UNICODE,) + tuple(sys.version_info[:3]) +
                     (unicodedata.unidata_version, sys.executable)))


def observe(cp):
    """Returns (properties, upper, lower, title, casefold, decimal, digit, numeric) for one code
    point; the mappings are tuples of code points."""
    c = chr(cp)
    props = 0
    if c.isalpha(): props |= BIT["ALPHA"]
    if c.isdecimal(): props |= BIT["DECIMAL"]
    if c.isdigit(): props |= BIT["DIGIT"]
    if c.isnumeric(): props |= BIT["NUMERIC"]
    if c.isspace(): props |= BIT["SPACE"]
    if c.isupper(): props |= BIT["UPPER"]
    if c.islower(): props |= BIT["LOWER"]
    # CPython's title flag is exactly general category Lt (c.istitle() also accepts uppercase).
    if unicodedata.category(c) == "Lt": props |= BIT["TITLE"]
    if c.isprintable(): props |= BIT["PRINTABLE"]
    # '_' is accepted by isidentifier() as a special case; it is not XID_Start.
    if c.isidentifier() and c != "_": props |= BIT["XID_START"]
    if ("a" + c).isidentifier(): props |= BIT["XID_CONTINUE"]
    if ("a" + c + "b").title()[-1] == "b": props |= BIT["CASED"]
    if ("A\u03a3" + c).lower()[1] == "\u03c2" and ("A\u03a3" + c + "B").lower()[1] == "\u03c3":
        props |= BIT["CASE_IGNORABLE"]
    if ("a" + c + "b").splitlines() == ["a", "b"]: props |= BIT["LINEBREAK"]

    decimal = unicodedata.decimal(c, -1)
    digit = unicodedata.digit(c, -1)
    numeric = unicodedata.numeric(c, None)
    # The str predicates and unicodedata must agree, or the tables would be inconsistent.
    assert (decimal >= 0) == c.isdecimal(), hex(cp)
    assert (digit >= 0) == c.isdigit(), hex(cp)
    assert (numeric is not None) == c.isnumeric(), hex(cp)
    upper = tuple(map(ord, c.upper()))
    lower = tuple(map(ord, c.lower()))
    title = tuple(map(ord, c.title()))
    casefold = tuple(map(ord, c.casefold()))
    for mapping in (upper, lower, title, casefold):
        assert 1 <= len(mapping) <= 3, hex(cp)
    return props, upper, lower, title, casefold, decimal, digit, numeric


def encode_mapping(cp, mapping, special_mappings, special_index):
    if len(mapping) == 1:
        return mapping[0] - cp
    if mapping not in special_index:
        special_index[mapping] = len(special_mappings)
        special_mappings.append(mapping)
    return SPECIAL_MAPPING_BASE + special_index[mapping]


def choose_two_level_split(record_of):
    """Returns (shift, block_index, record_index) minimising the table size in bytes."""
    best = None
    for shift in range(3, 13):
        block_size = 1 << shift
        blocks = {}
        block_index = []
        record_index = []
        for start in range(0, MAX_CODE_POINT + 1, block_size):
            block = tuple(record_of[start:start + block_size])
            if block not in blocks:
                blocks[block] = len(blocks)
                record_index.extend(block)
            block_index.append(blocks[block])
        block_bytes = 1 if len(blocks) <= 256 else 2
        size = len(block_index) * block_bytes + len(record_index) * 2
        if best is None or size < best[0]:
            best = (size, shift, block_index, record_index)
    return best[1], best[2], best[3]


def c_array(values, per_line=20):
    lines = []
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(str(v) for v in values[i:i + per_line]) + ",")
    return "\n".join(lines)


def write_tables(path, observations):
    special_mappings, special_index = [], {}
    numeric_values, numeric_index = [0.0], {}
    records, record_ids, record_of = [], {}, []
    for cp, (props, upper, lower, title, casefold, decimal, digit, numeric) in enumerate(observations):
        if numeric is None:
            numeric_slot = 0
        else:
            if numeric not in numeric_index:
                numeric_index[numeric] = len(numeric_values)
                numeric_values.append(numeric)
            numeric_slot = numeric_index[numeric]
        record = (props,
                  encode_mapping(cp, upper, special_mappings, special_index),
                  encode_mapping(cp, lower, special_mappings, special_index),
                  encode_mapping(cp, title, special_mappings, special_index),
                  encode_mapping(cp, casefold, special_mappings, special_index),
                  decimal, digit, numeric_slot)
        if record not in record_ids:
            record_ids[record] = len(records)
            records.append(record)
        record_of.append(record_ids[record])
    assert len(records) < 65536 and len(numeric_values) < 65536
    # Record 0 must be "no properties, identity mappings": lookups of out-of-range values use it.
    assert records[0] == (0, 0, 0, 0, 0, -1, -1, 0), records[0]
    shift, block_index, record_index = choose_two_level_split(record_of)
    block_type = "std::uint8_t" if max(block_index) < 256 else "std::uint16_t"

    out = []
    out.append("// GENERATED by core/unicode/gen_unicode_tables.py from Python %s (Unicode %s)."
               % (sys.version.split()[0], unicodedata.unidata_version))
    out.append("// Do not edit; the build regenerates it. Layout: see the script's docstring.")
    out.append('#include "core/unicode/char_tables.h"\n')
    out.append("namespace stitch::unicode::tables {\n")
    for name in PROPERTY_BITS:
        out.append("static_assert(k%s == %du, \"property bit order differs from the generator\");"
                   % ("".join(part.capitalize() for part in name.split("_")), BIT[name]))
    out.append("static_assert(kSpecialMappingBase == %d);\n" % SPECIAL_MAPPING_BASE)
    out.append("const char* const kUnicodeVersion = \"%s\";" % unicodedata.unidata_version)
    out.append("const std::uint16_t kAsciiProperties[128] = {")
    out.append(c_array(["0x%04x" % observations[cp][0] for cp in range(128)], 8))
    out.append("};\n")
    out.append("static const CharRecord kRecords[%d] = {" % len(records))
    out.append("    // properties, upper, lower, title, casefold, decimal, digit, numeric slot")
    for r in records:
        out.append("    {0x%04x, %d, %d, %d, %d, %d, %d, %d}," % r)
    out.append("};\n")
    out.append("const char32_t kSpecialMappings[%d][4] = {" % len(special_mappings))
    for m in special_mappings:
        padded = list(m) + [0] * (3 - len(m))
        out.append("    {%d, 0x%04x, 0x%04x, 0x%04x}," % tuple([len(m)] + padded))
    out.append("};\n")
    out.append("const double kNumericValues[%d] = {" % len(numeric_values))
    out.append(c_array([repr(float(v)) for v in numeric_values], 8))
    out.append("};\n")
    out.append("static const %s kBlockIndex[%d] = {" % (block_type, len(block_index)))
    out.append(c_array(block_index, 24))
    out.append("};\n")
    out.append("static const std::uint16_t kRecordIndex[%d] = {" % len(record_index))
    out.append(c_array(record_index, 20))
    out.append("};\n")
    out.append("const CharRecord& record_of(char32_t code_point) {")
    out.append("  constexpr unsigned kShift = %d;" % shift)
    out.append("  constexpr char32_t kOffsetMask = (char32_t{1} << kShift) - 1;")
    out.append("  if (code_point > kMaxCodePoint) return kRecords[0];")
    out.append("  const unsigned block = kBlockIndex[code_point >> kShift];")
    out.append("  return kRecords[kRecordIndex[(block << kShift) + (code_point & kOffsetMask)]];")
    out.append("}\n")
    out.append("}  // namespace stitch::unicode::tables")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def hex_string(s):
    return ".".join("%x" % ord(c) for c in s) if s else "-"


def random_strings(count):
    """Strings that stress the string-level algorithms: cased letters, final sigma contexts,
    case-ignorables, expanding mappings, titlecase digraphs, digits, spaces."""
    rng = random.Random(20231114)
    alphabet = ("aAzZ' .-_\t\n\u00df\u0130\u0131\u03a3\u03c3\u03c2\u0391\u03b1\u0345\u00b7"
                "\u01c4\u01c5\u01c6\u1f88\u1e9e\ufb01\u0149\u0390\u02b0\u0300\u00ad\u2019:"
                "\u0661\u00bd\u00b2\u4e00\u2160\u2170\u3000\u00a0\u2028\u0041\u0307")
    strings = ["", "\u03a3", "A\u03a3", "\u03a3A", "A\u03a3'", "A'\u03a3", "A\u03a3'b"]
    for _ in range(count):
        strings.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))))
    # Random code points from everywhere (BMP-heavy), including surrogates.
    for _ in range(count):
        strings.append("".join(chr(rng.choice((rng.randrange(0x80), rng.randrange(0x10000),
                                                 rng.randrange(0x110000))))
                               for _ in range(rng.randint(1, 6))))
    return strings


STRING_FUNCTIONS = ["upper", "lower", "title", "capitalize", "swapcase", "casefold"]
STRING_PREDICATES = ["isalpha", "isdecimal", "isdigit", "isnumeric", "isalnum", "isspace",
                     "isupper", "islower", "istitle", "isprintable", "isidentifier", "isascii"]


def write_test_data(path, observations):
    """Line formats (hex fields; mappings as '.'-joined code points):
         C first last props upper lower title casefold decimal digit numeric
       for each maximal run of code points whose expectations are equal once mappings that are
       single code points are written as deltas ('d<delta>'); and
         S function input expected      /    P predicate input 0|1
       for string-level cases."""
    lines = []

    def describe(cp, obs):
        props, upper, lower, title, casefold, decimal, digit, numeric = obs

        def mapping(m):
            return "d%d" % (m[0] - cp) if len(m) == 1 else ".".join("%x" % x for x in m)
        return "%x %s %s %s %s %d %d %s" % (props, mapping(upper), mapping(lower), mapping(title),
                                           mapping(casefold), decimal, digit,
                                           "-" if numeric is None else repr(float(numeric)))
    run_start, run_text = 0, describe(0, observations[0])
    for cp in range(1, MAX_CODE_POINT + 2):
        text = describe(cp, observations[cp]) if cp <= MAX_CODE_POINT else None
        if text != run_text:
            lines.append("C %x %x %s" % (run_start, cp - 1, run_text))
            run_start, run_text = cp, text
    for s in random_strings(3000):
        for name in STRING_FUNCTIONS:
            lines.append("S %s %s %s" % (name, hex_string(s), hex_string(getattr(s, name)())))
        for name in STRING_PREDICATES:
            lines.append("P %s %s %d" % (name, hex_string(s), int(getattr(s, name)())))
    with open(path, "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", required=True, help="C++ source to write")
    parser.add_argument("--test-data", help="expected values for the gtest to write")
    args = parser.parse_args()
    check_interpreter()
    observations = [observe(cp) for cp in range(MAX_CODE_POINT + 1)]
    write_tables(args.tables, observations)
    if args.test_data:
        write_test_data(args.test_data, observations)


if __name__ == "__main__":
    main()
