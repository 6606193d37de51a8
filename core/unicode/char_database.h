// The Unicode character database of CPython 3.11 (Unicode 14.0.0), one code point at a time.
//
// Every answer here equals what CPython 3.11 gives for a one-character string: is_alpha(c) ==
// chr(c).isalpha(), to_upper(c) == chr(c).upper(), decimal_value(c) == unicodedata.decimal(c, -1),
// and so on. The tables are generated at build time by gen_unicode_tables.py from the running
// CPython 3.11 (the build fails if it is another version) and checked against it for every code
// point by tests/char_database_test.cpp.
//
// Lookup: a two-level index (code point -> block -> record) into deduplicated records; see the
// generator's docstring. Code points are char32_t; values above U+10FFFF have no properties and
// map to themselves. Surrogates (U+D800..U+DFFF, which Python strings may contain) are ordinary
// code points with no properties. Everything is immutable data: thread-safe without locks.
#pragma once

#include <cstdint>

namespace stitch::unicode {

inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

/// Property bits returned by properties(). Each is CPython's per-character predicate.
enum PropertyBit : std::uint32_t {
  kAlpha = 1u << 0,          // str.isalpha (categories Lm, Lt, Lu, Ll, Lo)
  kDecimal = 1u << 1,        // str.isdecimal (has a decimal digit value)
  kDigit = 1u << 2,          // str.isdigit (has a digit value: decimals, superscripts, ...)
  kNumeric = 1u << 3,        // str.isnumeric (has a numeric value: digits, fractions, Han, ...)
  kSpace = 1u << 4,          // str.isspace: bidi WS/B/S or category Zs; what str.split() splits on
  kUpper = 1u << 5,          // str.isupper of one char (Unicode "Uppercase")
  kLower = 1u << 6,          // str.islower of one char (Unicode "Lowercase")
  kTitle = 1u << 7,          // general category Lt (titlecase digraphs like U+01C5)
  kPrintable = 1u << 8,      // str.isprintable
  kXidStart = 1u << 9,       // may start an identifier ('_' is allowed separately)
  kXidContinue = 1u << 10,   // may continue an identifier
  kCased = 1u << 11,         // Unicode "Cased" (upper, lower or Lt): title() and final sigma
  kCaseIgnorable = 1u << 12, // Unicode "Case_Ignorable": skipped by the final-sigma rule
  kLinebreak = 1u << 13,     // str.splitlines boundary (\n \r \v \f \x1c-\x1e \x85 U+2028/9)
};

/// Largest number of code points a full case mapping of one code point produces.
inline constexpr int kMaxCaseMappingLength = 3;

/// The Unicode version of the tables ("14.0.0").
const char* unicode_version();

/// The PropertyBit set of `code_point`.
std::uint32_t properties(char32_t code_point);

inline bool has_property(char32_t code_point, PropertyBit bit) {
  return (properties(code_point) & bit) != 0;
}
inline bool is_alpha(char32_t c) { return has_property(c, kAlpha); }
inline bool is_decimal(char32_t c) { return has_property(c, kDecimal); }
inline bool is_digit(char32_t c) { return has_property(c, kDigit); }
inline bool is_numeric(char32_t c) { return has_property(c, kNumeric); }
inline bool is_space(char32_t c) { return has_property(c, kSpace); }
inline bool is_upper(char32_t c) { return has_property(c, kUpper); }
inline bool is_lower(char32_t c) { return has_property(c, kLower); }
inline bool is_title(char32_t c) { return has_property(c, kTitle); }
inline bool is_printable(char32_t c) { return has_property(c, kPrintable); }
inline bool is_xid_start(char32_t c) { return has_property(c, kXidStart); }
inline bool is_xid_continue(char32_t c) { return has_property(c, kXidContinue); }
inline bool is_cased(char32_t c) { return has_property(c, kCased); }
inline bool is_case_ignorable(char32_t c) { return has_property(c, kCaseIgnorable); }
inline bool is_linebreak(char32_t c) { return has_property(c, kLinebreak); }
/// CPython's Py_UNICODE_ISALNUM: alpha, decimal, digit or numeric.
inline bool is_alnum(char32_t c) {
  return (properties(c) & (kAlpha | kDecimal | kDigit | kNumeric)) != 0;
}

/// Full case mappings (SpecialCasing included): write 1..3 code points to `out` and return the
/// count. to_lower maps U+03A3 to U+03C3 always; the final-sigma rule is a string-level rule
/// (lower() in string_case.h). to_casefold is str.casefold (the lower mapping when there is no
/// special fold).
int to_upper(char32_t code_point, char32_t out[kMaxCaseMappingLength]);
int to_lower(char32_t code_point, char32_t out[kMaxCaseMappingLength]);
int to_title(char32_t code_point, char32_t out[kMaxCaseMappingLength]);
int to_casefold(char32_t code_point, char32_t out[kMaxCaseMappingLength]);

/// unicodedata.decimal(c, -1): the value 0..9 of a decimal digit (what int() accepts), or -1.
int decimal_value(char32_t code_point);
/// unicodedata.digit(c, -1): 0..9 for digits (decimals plus superscripts, circled digits, ...).
int digit_value(char32_t code_point);
/// unicodedata.numeric(c): the numeric value (0.5 for U+00BD, -0.5 for U+0F33), or NaN when there
/// is none (exactly when is_numeric is false).
double numeric_value(char32_t code_point);

}  // namespace stitch::unicode
