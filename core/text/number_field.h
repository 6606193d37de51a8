// Laying out a formatted number in its field: sign, prefix, padding, digit grouping.
//
// Every formatted number is seen as
//   <left padding><sign><prefix><sign-aware padding><grouped digits><decimal point><remainder><right padding>
// (CPython's calc_number_widths/fill_number). Only one of the three paddings is non-empty, chosen
// by the alignment: '>' left, '<' right, '^' split (the extra one on the right), '=' between the
// sign/prefix and the digits. Grouping inserts the separator every `group` digits from the right.
// When the fill is '0' and the alignment '=', the zero padding is made of grouped digits too, so
// format(1234, '012,') == '0,000,001,234' (one wider than asked: a separator is never the first
// character, so CPython adds a digit instead). All widths are in code points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/format_spec.h"

namespace stitch::text {

struct NumberParts {
  bool negative = false;
  std::string_view prefix;     // "0x", "0X", "0o", "0b" or empty
  std::string_view digits;     // the integer digits that grouping applies to (may be empty)
  bool has_decimal_point = false;
  std::string_view remainder;  // after the decimal point or the digits: "5", "e+10", "inf", "%", a char
};

/// Separator and group size for a spec's grouping ('n' gets none: Stitch uses the C locale).
struct DigitGrouping {
  char separator = '\0';
  int group_size = 0;  // 0: no grouping
};
DigitGrouping digit_grouping_of(Grouping grouping);

/// Groups `digits` from the right, extending them with zeros until at least `min_width` characters.
std::string group_digits(std::string_view digits, DigitGrouping grouping, int64_t min_width);

/// The complete field for `parts` under `spec` (fill, align, sign, width), with `grouping`.
std::string render_number_field(const NumberParts& parts, const FormatSpec& spec, DigitGrouping grouping);

/// Appends `count` copies of the UTF-8 `fill`.
void append_fill(std::string& out, std::string_view fill, int64_t count);

/// Splits a number's text ("-1234.5e+10", "inf", "12.5%") into sign, digits, point and remainder.
NumberParts split_number_text(std::string_view text);

}  // namespace stitch::text
