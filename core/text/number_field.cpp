#include "core/text/number_field.h"

#include <algorithm>

#include "core/text/utf8.h"

namespace stitch::text {

DigitGrouping digit_grouping_of(Grouping grouping) {
  switch (grouping) {
    case Grouping::kComma:
      return {',', 3};
    case Grouping::kUnderscore:
      return {'_', 3};
    case Grouping::kUnderscoreEveryFour:
      return {'_', 4};
    case Grouping::kNone:
      break;
  }
  return {};
}

void append_fill(std::string& out, std::string_view fill, int64_t count) {
  for (int64_t i = 0; i < count; ++i) out += fill;
}

std::string group_digits(std::string_view digits, DigitGrouping grouping, int64_t min_width) {
  auto remaining = static_cast<int64_t>(digits.size());
  if (grouping.group_size == 0) {
    int64_t length = std::max<int64_t>({remaining, min_width, 1});
    std::string out(static_cast<size_t>(length - remaining), '0');
    out += digits;
    return out;
  }
  // Built right to left, then reversed: each step takes one group of real digits, or zeros once
  // the digits are used up and the minimum width is not reached yet.
  std::string reversed;
  bool first_group = true;
  while (true) {
    int64_t length = std::min<int64_t>(grouping.group_size, std::max<int64_t>({remaining, min_width, 1}));
    int64_t taken = std::min(remaining, length);
    if (!first_group) reversed.push_back(grouping.separator);
    for (int64_t i = 0; i < taken; ++i) reversed.push_back(digits[static_cast<size_t>(remaining - 1 - i)]);
    reversed.append(static_cast<size_t>(length - taken), '0');
    remaining -= taken;
    min_width -= length;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;  // the separator in front of the next group
    first_group = false;
  }
  std::reverse(reversed.begin(), reversed.end());
  return reversed;
}

std::string render_number_field(const NumberParts& parts, const FormatSpec& spec, DigitGrouping grouping) {
  char sign = '\0';
  if (spec.sign == '+') {
    sign = parts.negative ? '-' : '+';
  } else if (spec.sign == ' ') {
    sign = parts.negative ? '-' : ' ';
  } else if (parts.negative) {
    sign = '-';
  }
  int64_t non_digit_width = (sign ? 1 : 0) + static_cast<int64_t>(parts.prefix.size()) +
                            (parts.has_decimal_point ? 1 : 0) +
                            static_cast<int64_t>(utf8_code_point_count(parts.remainder));
  int64_t min_digits_width = (spec.fill == "0" && spec.align == '=') ? spec.width - non_digit_width : 0;
  std::string grouped = parts.digits.empty() ? std::string() : group_digits(parts.digits, grouping, min_digits_width);

  int64_t padding = spec.width - (non_digit_width + static_cast<int64_t>(grouped.size()));
  int64_t left = 0, between = 0, right = 0;
  if (padding > 0) {
    switch (spec.align) {
      case '<':
        right = padding;
        break;
      case '^':
        left = padding / 2;
        right = padding - left;
        break;
      case '=':
        between = padding;
        break;
      default:
        left = padding;
        break;
    }
  }
  std::string out;
  out.reserve(grouped.size() + parts.remainder.size() + 8 + static_cast<size_t>(std::max<int64_t>(padding, 0)));
  append_fill(out, spec.fill, left);
  if (sign) out.push_back(sign);
  out += parts.prefix;
  append_fill(out, spec.fill, between);
  out += grouped;
  if (parts.has_decimal_point) out.push_back('.');
  out += parts.remainder;
  append_fill(out, spec.fill, right);
  return out;
}

NumberParts split_number_text(std::string_view text) {
  NumberParts parts;
  if (!text.empty() && text[0] == '-') {
    parts.negative = true;
    text.remove_prefix(1);
  }
  size_t digit_count = 0;
  while (digit_count < text.size() && text[digit_count] >= '0' && text[digit_count] <= '9') ++digit_count;
  parts.digits = text.substr(0, digit_count);
  text.remove_prefix(digit_count);
  if (!text.empty() && text[0] == '.') {
    parts.has_decimal_point = true;
    text.remove_prefix(1);
  }
  parts.remainder = text;
  return parts;
}

}  // namespace stitch::text
