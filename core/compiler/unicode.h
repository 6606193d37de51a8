// Unicode helpers for the front end: UTF-8 decoding and encoding, and the character classes the
// lexer needs (identifier characters, printable characters).
//
// The identifier classes approximate Unicode's XID_Start / XID_Continue without the full Unicode
// database: every non-ASCII code point counts as an identifier character unless it lies in a
// range listed as punctuation, symbols, spaces, controls, private use or emoji (see unicode.cc).
// So letters of every script are accepted, and the common non-letters people paste by accident
// (curly quotes, dashes, currency signs, arrows, math operators, no-break spaces, emoji) are
// rejected with CPython's "invalid character" messages. Identifiers are not NFKC-normalized.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace stitch::compiler {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

/// Decodes one UTF-8 sequence starting at `text[index]` (the text is known to be valid UTF-8).
/// Stores the sequence length in `length` and returns the code point.
char32_t decode_utf8_at(std::string_view text, size_t index, size_t& length);

/// Length of the valid UTF-8 sequence starting at `text[index]`, or 0 if the bytes there are not
/// valid UTF-8 (overlong forms, surrogates, code points above U+10FFFF, truncation).
size_t valid_utf8_sequence_length(std::string_view text, size_t index);

/// Appends the UTF-8 encoding of `code_point` to `out`. Surrogates (U+D800..U+DFFF, which Python
/// strings may contain through escapes) are encoded as three-byte sequences like other code points
/// in the Basic Multilingual Plane ("WTF-8").
void append_utf8(std::string& out, char32_t code_point);

/// Number of code points in a run of valid UTF-8.
size_t count_code_points(std::string_view text);

/// Identifier character classes (see the header comment for the approximation used).
bool is_identifier_start(char32_t code_point);
bool is_identifier_continue(char32_t code_point);

/// Python's str.isprintable() for one character: false for controls, format characters, line and
/// paragraph separators, private use, and spaces other than U+0020.
bool is_printable(char32_t code_point);

/// "U+20AC"-style hexadecimal spelling: at least four upper-case digits, as CPython prints them.
std::string code_point_hex(char32_t code_point);

}  // namespace stitch::compiler
