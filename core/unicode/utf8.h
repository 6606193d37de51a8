// UTF-8 helpers for Stitch's str, which stores its text as UTF-8 with the code-point length and an
// ASCII flag cached.
//
// Python strings may contain lone surrogates ('\ud800'); str storage encodes them like any other
// BMP code point (three bytes, "WTF-8"). So the decoders take a SurrogatePolicy: kReject is
// standard UTF-8 validation (bytes.decode('utf-8')), kAllow accepts encoded surrogates (str
// storage). Overlong forms, values above U+10FFFF and truncated sequences are always invalid.
//
// The counting helpers work 8 bytes at a time (SWAR): a byte starts a code point unless it is a
// continuation byte 0b10xxxxxx, i.e. unless bit 7 is set and bit 6 clear; for a 64-bit word w,
// `w & ~(w << 1) & 0x8080...80` has bit 7 of each byte set exactly for continuation bytes (the
// shift moves each byte's bit 6 into its own bit 7; bits crossing byte boundaries land in bit 0,
// which the mask drops). They assume valid input (str storage); on invalid input they still
// terminate and stay in bounds, but the counts are meaningless.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace stitch::unicode {

enum class SurrogatePolicy { kReject, kAllow };

/// Returned by decode_next for a byte that does not start a valid sequence.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct DecodedCodePoint {
  char32_t code_point;  // kInvalidCodePoint if the bytes at the position are not valid
  std::uint32_t length; // bytes consumed: 1..4 (1 for an invalid byte)
};

/// Decodes the code point starting at text[position] (position < text.size()), accepting encoded
/// surrogates. An invalid or truncated sequence yields {kInvalidCodePoint, 1}, so a caller that
/// steps by `length` visits every byte of garbage once and never reads out of bounds.
DecodedCodePoint decode_next(std::string_view text, std::size_t position);

/// Appends the decoded code points of `text` to `out`. Returns false at the first invalid
/// sequence (`out` then holds the code points before it).
bool decode_utf8(std::string_view text, std::u32string& out,
                 SurrogatePolicy surrogates = SurrogatePolicy::kReject);

/// Whether `text` is entirely valid under the policy.
bool is_valid_utf8(std::string_view text, SurrogatePolicy surrogates = SurrogatePolicy::kReject);

/// Appends the UTF-8 encoding of `code_point` (surrogates as three bytes). Values above U+10FFFF
/// append U+FFFD.
void encode_utf8(char32_t code_point, std::string& out);

/// Number of code points in valid UTF-8 `text` (8 bytes at a time).
std::size_t count_code_points(std::string_view text);

/// Whether every byte is < 0x80 (8 bytes at a time).
bool is_ascii(std::string_view text);

/// Byte offset of the code point with index `index` in valid UTF-8 `text`; text.size() when
/// `index` equals the code-point count, std::string_view::npos when it is larger.
std::size_t utf8_offset_of_code_point(std::string_view text, std::size_t index);

}  // namespace stitch::unicode
