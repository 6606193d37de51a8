// Python's format-spec mini-language (format(value, spec), str.format, f-strings):
//
//   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//
// parse_format_spec reads it exactly as CPython 3.11 does (formatter_unicode.c), including the
// checks CPython makes while parsing, with its messages. What depends on the value's type (which
// type codes exist, whether a sign or '#' is allowed) is checked by the formatters (format.h).
// Defaults come from the subject: ints default to type 'd' and '>' alignment, floats to no type
// and '>', strings to 's' and '<'. A '0' before the width (when no fill was given) makes the fill
// '0' and, for numbers without an explicit alignment, the alignment '=' (sign-aware zero padding).
// Widths and precisions count code points; the fill is one code point, kept as UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/text_error.h"

namespace stitch::text {

enum class FormatSubject : unsigned char { kInt, kFloat, kStr };

enum class Grouping : unsigned char {
  kNone,
  kComma,                // ','
  kUnderscore,           // '_' every 3 digits (d e f g %, none)
  kUnderscoreEveryFour,  // '_' with b o x X: every 4 digits (PEP 515)
};

struct FormatSpec {
  std::string fill = " ";  // one code point, UTF-8
  char align = '>';        // '<' '>' '=' '^' (resolved: the subject's default when not given)
  bool align_given = false;
  char sign = '\0';        // '+' '-' ' ' or '\0' when not given
  bool no_negative_zero = false;  // 'z'
  bool alternate = false;         // '#'
  int64_t width = -1;             // -1: not given
  Grouping grouping = Grouping::kNone;
  int64_t precision = -1;  // -1: not given
  char32_t type = '\0';    // resolved: the subject's default when not given ('\0' for floats)
};

/// Parses `spec` for a value of `subject`; `type_name` is the value's Python type name as used in
/// messages (defaults: "int", "float", "str"; pass "bool" for True/False, etc.).
Expected<FormatSpec> parse_format_spec(std::string_view spec, FormatSubject subject,
                                       std::string_view type_name = {});

/// "Unknown format code 'x' for object of type 'float'" (with CPython's \x escape for
/// non-printable-ASCII codes).
TextError unknown_format_code_error(char32_t type, std::string_view type_name);

/// The default Python type name of a subject: "int", "float" or "str".
std::string_view default_type_name(FormatSubject subject);

}  // namespace stitch::text
