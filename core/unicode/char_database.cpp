// Per-code-point queries over the generated tables (char_tables.h). Case mapping fields hold a
// delta or, at and above kSpecialMappingBase, an index into the expansion table.
#include "core/unicode/char_database.h"

#include <limits>

#include "core/unicode/char_tables.h"

namespace stitch::unicode {
namespace {

int apply_case_mapping(char32_t code_point, std::int32_t mapping,
                       char32_t out[kMaxCaseMappingLength]) {
  if (mapping >= tables::kSpecialMappingBase) {
    const char32_t* expansion = tables::kSpecialMappings[mapping - tables::kSpecialMappingBase];
    const int count = static_cast<int>(expansion[0]);
    for (int i = 0; i < count; ++i) out[i] = expansion[i + 1];
    return count;
  }
  out[0] = static_cast<char32_t>(static_cast<std::int32_t>(code_point) + mapping);
  return 1;
}

}  // namespace

const char* unicode_version() { return tables::kUnicodeVersion; }

std::uint32_t properties(char32_t code_point) {
  if (code_point < 0x80) return tables::kAsciiProperties[code_point];
  return tables::record_of(code_point).properties;
}

int to_upper(char32_t code_point, char32_t out[kMaxCaseMappingLength]) {
  return apply_case_mapping(code_point, tables::record_of(code_point).upper, out);
}
int to_lower(char32_t code_point, char32_t out[kMaxCaseMappingLength]) {
  return apply_case_mapping(code_point, tables::record_of(code_point).lower, out);
}
int to_title(char32_t code_point, char32_t out[kMaxCaseMappingLength]) {
  return apply_case_mapping(code_point, tables::record_of(code_point).title, out);
}
int to_casefold(char32_t code_point, char32_t out[kMaxCaseMappingLength]) {
  return apply_case_mapping(code_point, tables::record_of(code_point).casefold, out);
}

int decimal_value(char32_t code_point) { return tables::record_of(code_point).decimal; }
int digit_value(char32_t code_point) { return tables::record_of(code_point).digit; }

double numeric_value(char32_t code_point) {
  const std::uint16_t slot = tables::record_of(code_point).numeric_slot;
  if (slot == 0) return std::numeric_limits<double>::quiet_NaN();
  return tables::kNumericValues[slot];
}

}  // namespace stitch::unicode
