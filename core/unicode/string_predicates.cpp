// Whole-string predicates (string_predicates.h), mirroring CPython 3.11's unicode_isalpha_impl
// and friends, including their one-character shortcuts (which the loops agree with).
//
// "Every code point has property P" predicates test all-ASCII text a byte at a time through the
// 128-entry ASCII property table; other text is decoded code point by code point. The case
// predicates (isupper/islower/istitle) keep CPython's small state machines.
#include "core/unicode/string_predicates.h"

#include "core/unicode/char_database.h"
#include "core/unicode/char_tables.h"
#include "core/unicode/utf8.h"

namespace stitch::unicode {
namespace {

std::uint32_t properties_of(char32_t code_point) {
  return code_point == kInvalidCodePoint ? 0 : properties(code_point);
}

/// Calls visit(properties) for each code point until it returns false; returns whether every
/// call returned true.
template <typename Visitor>
bool all_code_points(std::string_view text, Visitor&& visit) {
  std::size_t position = 0;
  while (position < text.size()) {
    const auto byte = static_cast<unsigned char>(text[position]);
    std::uint32_t bits;
    if (byte < 0x80) {
      bits = tables::kAsciiProperties[byte];
      ++position;
    } else {
      const DecodedCodePoint decoded = decode_next(text, position);
      bits = properties_of(decoded.code_point);
      position += decoded.length;
    }
    if (!visit(bits)) return false;
  }
  return true;
}

/// Non-empty, and every code point has at least one of `any_of_bits`.
bool all_have_property(std::string_view text, std::uint32_t any_of_bits) {
  if (text.empty()) return false;
  return all_code_points(text, [&](std::uint32_t bits) { return (bits & any_of_bits) != 0; });
}

}  // namespace

bool str_isalpha(std::string_view text) { return all_have_property(text, kAlpha); }
bool str_isdecimal(std::string_view text) { return all_have_property(text, kDecimal); }
bool str_isdigit(std::string_view text) { return all_have_property(text, kDigit); }
bool str_isnumeric(std::string_view text) { return all_have_property(text, kNumeric); }
bool str_isspace(std::string_view text) { return all_have_property(text, kSpace); }
bool str_isalnum(std::string_view text) {
  return all_have_property(text, kAlpha | kDecimal | kDigit | kNumeric);
}

bool str_isprintable(std::string_view text) {
  return all_code_points(text, [](std::uint32_t bits) { return (bits & kPrintable) != 0; });
}

bool str_isascii(std::string_view text) { return is_ascii(text); }

bool str_isupper(std::string_view text) {
  bool cased = false;
  const bool no_lower_or_title = all_code_points(text, [&](std::uint32_t bits) {
    if ((bits & (kLower | kTitle)) != 0) return false;
    if ((bits & kUpper) != 0) cased = true;
    return true;
  });
  return no_lower_or_title && cased;
}

bool str_islower(std::string_view text) {
  bool cased = false;
  const bool no_upper_or_title = all_code_points(text, [&](std::uint32_t bits) {
    if ((bits & (kUpper | kTitle)) != 0) return false;
    if ((bits & kLower) != 0) cased = true;
    return true;
  });
  return no_upper_or_title && cased;
}

bool str_istitle(std::string_view text) {
  bool cased = false;
  bool previous_is_cased = false;
  const bool well_formed = all_code_points(text, [&](std::uint32_t bits) {
    if ((bits & (kUpper | kTitle)) != 0) {
      if (previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else if ((bits & kLower) != 0) {
      if (!previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
    return true;
  });
  return well_formed && cased;
}

bool str_isidentifier(std::string_view text) {
  if (text.empty()) return false;
  bool is_first = true;
  std::size_t position = 0;
  while (position < text.size()) {
    const auto byte = static_cast<unsigned char>(text[position]);
    char32_t code_point = byte;
    std::uint32_t bits;
    if (byte < 0x80) {
      bits = tables::kAsciiProperties[byte];
      ++position;
    } else {
      const DecodedCodePoint decoded = decode_next(text, position);
      code_point = decoded.code_point;
      bits = properties_of(code_point);
      position += decoded.length;
    }
    if (is_first) {
      if ((bits & kXidStart) == 0 && code_point != U'_') return false;
      is_first = false;
    } else if ((bits & kXidContinue) == 0) {
      return false;
    }
  }
  return true;
}

}  // namespace stitch::unicode
