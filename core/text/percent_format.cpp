#include "core/text/percent_format.h"

#include <algorithm>
#include <cctype>

#include "core/text/float_text.h"
#include "core/text/utf8.h"

namespace stitch::text {
namespace {

// Pads one converted value into its field. `body` is the converted text: for numbers it may start
// with '-' and, for alternate %o %x %X, carries the two-character prefix after the sign. The zero
// padding goes between sign/prefix and digits; space padding goes before the sign.
std::string pad_field(std::string_view body, const PercentSpec& spec, bool is_number) {
  unsigned flags = spec.flags;
  bool left_adjust = (flags & kPercentLeftAdjust) != 0;
  char fill = (is_number && (flags & kPercentZeroPad) && !left_adjust) ? '0' : ' ';
  auto length = static_cast<int64_t>(utf8_code_point_count(body));

  char sign = '\0';
  if (is_number) {
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
      sign = body[0];
      body.remove_prefix(1);
      --length;
    } else if (flags & kPercentSign) {
      sign = '+';
    } else if (flags & kPercentBlank) {
      sign = ' ';
    }
  }
  std::string_view prefix;
  char c = spec.conversion;
  if (is_number && (flags & kPercentAlternate) && (c == 'x' || c == 'X' || c == 'o')) {
    prefix = body.substr(0, 2);
    body.remove_prefix(2);
  }

  int64_t width = std::max(spec.width, length + (sign ? 1 : 0));
  int64_t padding = width - length - (sign ? 1 : 0);  // `length` includes the prefix
  std::string out;
  out.reserve(static_cast<size_t>(width) + body.size());
  if (fill == '0') {
    if (sign) out.push_back(sign);
    out += prefix;
  }
  if (!left_adjust && padding > 0) out.append(static_cast<size_t>(padding), fill);
  if (fill == ' ') {
    if (sign) out.push_back(sign);
    out += prefix;
  }
  out += body;
  if (left_adjust && padding > 0) out.append(static_cast<size_t>(padding), ' ');
  return out;
}

}  // namespace

Expected<std::string> percent_format_int(IntRef value, const PercentSpec& spec, int64_t max_str_digits) {
  char c = spec.conversion;
  int base = c == 'o' ? 8 : (c == 'x' || c == 'X') ? 16 : 10;
  std::string digits;
  if (base == 10) {
    Expected<std::string> decimal = int_to_decimal(value, max_str_digits);
    if (!decimal) return decimal.error();
    digits = std::move(*decimal);
    if (!digits.empty() && digits[0] == '-') digits.erase(0, 1);
  } else {
    digits = magnitude_digits(value, base);
  }
  if (spec.precision > static_cast<int64_t>(digits.size())) {
    digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
  }
  std::string body = value.is_negative() ? "-" : "";
  if ((spec.flags & kPercentAlternate) && base != 10) body += base == 8 ? "0o" : "0x";
  body += digits;
  if (c == 'X') {
    for (char& ch : body) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  return pad_field(body, spec, true);
}

std::string percent_format_float(double value, const PercentSpec& spec) {
  int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  unsigned flags = (spec.flags & kPercentAlternate) ? kFloatAlternate : kFloatNoFlags;
  return pad_field(double_to_text(value, spec.conversion, precision, flags), spec, true);
}

std::string percent_format_str(std::string_view text, const PercentSpec& spec) {
  if (spec.precision >= 0) text = utf8_prefix(text, static_cast<size_t>(spec.precision));
  return pad_field(text, spec, false);
}

Expected<std::string> percent_format_char(IntRef code_point, const PercentSpec& spec) {
  int64_t value = 0;
  if (!code_point.get_int64(value) || value < 0 || value > 0x10FFFF) {
    return overflow_error("%c arg not in range(0x110000)");
  }
  std::string character;
  utf8_append(character, static_cast<char32_t>(value));
  return pad_field(character, spec, false);
}

std::string percent_format_char(std::string_view one_character, const PercentSpec& spec) {
  return pad_field(one_character, spec, false);
}

}  // namespace stitch::text
