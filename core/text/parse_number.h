// Text to numbers: int(str, base) and float(str), exactly as CPython 3.11.
//
// int(): whitespace around the literal is stripped (ASCII " \t\n\v\f\r" and the non-ASCII
// str.isspace() code points, see utf8.h); then an optional sign; base 0 reads the base from a
// 0x/0o/0b prefix (and rejects a non-zero literal with leading zeros, like int('010', 0)); a
// 0x/0o/0b prefix matching the base may be followed by one underscore; otherwise underscores may
// only stand alone between two digits. Non-ASCII decimal digits (int('٣')) are not supported: they
// are reported invalid. For bases that are not powers of two the literal may have at most
// `max_str_digits` digits (Python 3.11's sys.get_int_max_str_digits(), 0 = no limit).
//
// float(): whitespace stripped, optional sign, then "inf", "infinity" or "nan" (any case) or a
// decimal literal [digits][.digits][e[sign]digits] with at least one digit; underscores only
// between digits (PEP 515). Overflow gives inf and underflow 0, as float('1e400') does. The
// conversion is correctly rounded (std::from_chars). Hexadecimal is not accepted (float.fromhex).
//
// Errors: ValueError with CPython's message. The message quotes the input with python_str_repr
// (utf8.h), which matches Python's repr for all printable text; a caller holding the exact repr
// (non-printable non-ASCII characters) rebuilds it with invalid_int_literal_error /
// invalid_float_literal_error. Other errors (the base, the digit limit) need no repr.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/text/int_text.h"
#include "core/text/int_value.h"
#include "core/text/text_error.h"

namespace stitch::text {

/// int(text, base): base 0 or 2..36. Returns an IntValue (int64 when it fits, else an mpz).
Expected<IntValue> parse_int(std::string_view text, int base, int64_t max_str_digits = kDefaultMaxStrDigits);

/// float(text).
Expected<double> parse_float(std::string_view text);

/// "invalid literal for int() with base 10: 'abc'", with `repr` cut to 200 code points as CPython.
TextError invalid_int_literal_error(int base, std::string_view repr);
/// "could not convert string to float: 'x'".
TextError invalid_float_literal_error(std::string_view repr);

}  // namespace stitch::text
