#include "core/text/float_text.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace stitch::text {
namespace {

// Correctly rounded digits of a non-negative finite double, in Python's dtoa terms.
struct DecimalDigits {
  std::string digits;  // no leading zeros; "0" for zero
  int decimal_point;   // value = 0.DIGITS * 10**decimal_point
};

// Parses to_chars' scientific output "D[.DDD]e[+-]XX" into DecimalDigits.
DecimalDigits split_scientific(std::string_view text) {
  DecimalDigits result;
  size_t exponent_pos = text.find('e');
  for (size_t i = 0; i < exponent_pos; ++i) {
    if (text[i] != '.') result.digits.push_back(text[i]);
  }
  int exponent = 0;
  std::string_view exponent_text = text.substr(exponent_pos + 1);
  if (!exponent_text.empty() && exponent_text[0] == '+') exponent_text.remove_prefix(1);
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  result.decimal_point = exponent + 1;
  return result;
}

// Shortest round-trip digits (precision < 0) or exactly precision+1 significant digits.
DecimalDigits scientific_digits(double magnitude, int precision) {
  // 17 significant digits + sign/point/exponent fit in 32; large precisions need more room.
  std::string buffer(static_cast<size_t>(precision < 0 ? 32 : precision + 32), '\0');
  std::to_chars_result written =
      precision < 0
          ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude, std::chars_format::scientific)
          : std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude, std::chars_format::scientific,
                          precision);
  return split_scientific(std::string_view(buffer.data(), static_cast<size_t>(written.ptr - buffer.data())));
}

void strip_trailing_zeros(std::string& digits) {
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

void append_exponent(std::string& out, int exponent, char marker) {
  out.push_back(marker);
  out.push_back(exponent < 0 ? '-' : '+');
  int magnitude = std::abs(exponent);
  if (magnitude < 10) out.push_back('0');
  out += std::to_string(magnitude);
}

// Lays out DIGITS with the decimal point at decimal_point, padding the digit string with zeros on
// the right up to `min_digits` significant digits (for 'e' and alternate 'g').
std::string layout_digits(const DecimalDigits& number, bool use_exponent, size_t min_digits, unsigned flags,
                          char exponent_marker) {
  std::string digits = number.digits;
  if (digits.size() < min_digits) digits.append(min_digits - digits.size(), '0');
  bool alternate = (flags & kFloatAlternate) != 0;
  std::string out;
  if (use_exponent) {
    out.push_back(digits[0]);
    if (digits.size() > 1 || alternate) out.push_back('.');
    out.append(digits, 1);
    append_exponent(out, number.decimal_point - 1, exponent_marker);
    return out;
  }
  std::string fraction;
  if (number.decimal_point <= 0) {
    out = "0";
    fraction.assign(static_cast<size_t>(-number.decimal_point), '0');
    fraction += digits;
  } else {
    auto integer_length = static_cast<size_t>(number.decimal_point);
    if (digits.size() <= integer_length) {
      out = digits;
      out.append(integer_length - digits.size(), '0');
    } else {
      out.assign(digits, 0, integer_length);
      fraction.assign(digits, integer_length);
    }
  }
  if (fraction.empty() && (flags & kFloatAddDotZero)) fraction = "0";
  if (!fraction.empty() || alternate) {
    out.push_back('.');
    out += fraction;
  }
  return out;
}

std::string fixed_text(double magnitude, int precision, unsigned flags) {
  // The integer part of a double has at most 309 digits.
  std::string buffer(static_cast<size_t>(precision) + 330, '\0');
  auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude, std::chars_format::fixed,
                               precision);
  buffer.resize(static_cast<size_t>(written.ptr - buffer.data()));
  if (precision == 0 && (flags & kFloatAlternate)) buffer.push_back('.');
  return buffer;
}

bool has_only_zero_digits(std::string_view text) {
  for (char c : text) {
    if (c == 'e' || c == 'E') break;
    if (c >= '1' && c <= '9') return false;
  }
  return true;
}

}  // namespace

std::string double_to_text(double value, char code, int precision, unsigned flags) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  if (std::isnan(value)) return upper ? "NAN" : "nan";
  bool negative = std::signbit(value);
  if (std::isinf(value)) return std::string(negative ? "-" : "") + (upper ? "INF" : "inf");
  double magnitude = std::fabs(value);
  char exponent_marker = upper ? 'E' : 'e';

  std::string body;
  switch (code) {
    case 'f':
    case 'F':
      body = fixed_text(magnitude, precision, flags);
      break;
    case 'e':
    case 'E':
      body = layout_digits(scientific_digits(magnitude, precision), true, static_cast<size_t>(precision) + 1, flags,
                           exponent_marker);
      break;
    case 'g':
    case 'G': {
      int significant = precision == 0 ? 1 : precision;
      DecimalDigits number = scientific_digits(magnitude, significant - 1);
      strip_trailing_zeros(number.digits);
      int exponent_threshold = (flags & kFloatAddDotZero) ? significant - 1 : significant;
      bool use_exponent = number.decimal_point <= -4 || number.decimal_point > exponent_threshold;
      size_t min_digits = (flags & kFloatAlternate) ? static_cast<size_t>(significant) : 0;
      body = layout_digits(number, use_exponent, min_digits, flags, exponent_marker);
      break;
    }
    default: {  // 'r'
      DecimalDigits number = scientific_digits(magnitude, -1);
      strip_trailing_zeros(number.digits);
      bool use_exponent = number.decimal_point <= -4 || number.decimal_point > 16;
      body = layout_digits(number, use_exponent, 0, flags, exponent_marker);
      break;
    }
  }
  if (negative && (flags & kFloatNoNegativeZero) && has_only_zero_digits(body)) negative = false;
  return negative ? "-" + body : body;
}

std::string float_repr(double value) { return double_to_text(value, 'r', 0, kFloatAddDotZero); }

}  // namespace stitch::text
