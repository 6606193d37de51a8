// Internal: the layout of the generated character database (see gen_unicode_tables.py, whose
// docstring explains the two-level index). The build writes the definitions into
// <build>/core/unicode/unicode_tables.cpp; only char_database.cpp and the string functions read
// these directly. The tables are immutable constants, so any thread may read them at any time.
#pragma once

#include <cstdint>

#include "core/unicode/char_database.h"

namespace stitch::unicode::tables {

/// Everything the database knows about one code point. Many code points share a record.
struct CharRecord {
  std::uint32_t properties;  // kAlpha | kDecimal | ... (char_database.h)
  // Case mappings: target - code point, or kSpecialMappingBase + index into kSpecialMappings
  // when the mapping expands to 2 or 3 code points.
  std::int32_t upper;
  std::int32_t lower;
  std::int32_t title;
  std::int32_t casefold;
  std::int8_t decimal;         // 0..9, or -1
  std::int8_t digit;           // 0..9, or -1
  std::uint16_t numeric_slot;  // index into kNumericValues; 0 means "not numeric"
};

inline constexpr std::int32_t kSpecialMappingBase = 0x01000000;

extern const char* const kUnicodeVersion;
/// properties() of U+0000..U+007F, for the ASCII fast paths (one load instead of three).
extern const std::uint16_t kAsciiProperties[128];
/// {count, c1, c2, c3} for mappings that expand.
extern const char32_t kSpecialMappings[][4];
extern const double kNumericValues[];

/// The record of `code_point`; values above U+10FFFF get the empty record (no properties,
/// identity mappings).
const CharRecord& record_of(char32_t code_point);

}  // namespace stitch::unicode::tables
