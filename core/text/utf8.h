// The few UTF-8 facts the formatters and parsers need. Stitch strings are UTF-8, while Python
// counts widths, precisions and fill characters in code points; these helpers bridge the two.
// Input is assumed to be valid UTF-8 (the object model only builds valid strings).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace stitch::text {

/// Byte length of the UTF-8 sequence whose lead byte is `lead` (1 for stray continuation bytes).
size_t utf8_sequence_length(unsigned char lead);
/// Number of code points in `text`.
size_t utf8_code_point_count(std::string_view text);
/// The prefix of `text` holding at most `count` code points.
std::string_view utf8_prefix(std::string_view text, size_t count);
/// Decodes the code point at the start of `text` (precondition: not empty).
char32_t utf8_first_code_point(std::string_view text);
/// Appends the UTF-8 encoding of `code_point` (<= 0x10FFFF).
void utf8_append(std::string& out, char32_t code_point);

/// Byte length of the whitespace code point at the start of `text`, 0 if none. Whitespace is what
/// int() and float() strip: ASCII " \t\n\v\f\r" plus the non-ASCII str.isspace() code points
/// (U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
/// U+001C..U+001F are NOT stripped: CPython 3.11 only maps non-ASCII spaces to ' '.
size_t leading_space_length(std::string_view text);
/// Byte length of the whitespace code point at the end of `text`, 0 if none.
size_t trailing_space_length(std::string_view text);
/// `text` without leading and trailing whitespace (as defined above).
std::string_view strip_spaces(std::string_view text);

/// Python's repr() of a str, for error messages: quotes chosen as Python does, backslash escapes
/// for \\, \t, \n, \r, the quote and other ASCII control characters. Non-ASCII code points are
/// copied as they are (Python escapes the non-printable ones too: a caller that needs that exact
/// repr builds the message itself from the *_message helpers).
std::string python_str_repr(std::string_view text);

}  // namespace stitch::text
