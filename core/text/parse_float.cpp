// float(str): PEP 515 underscore check on the raw text, then the literal's shape, then a correctly
// rounded conversion with std::from_chars.
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "core/text/parse_number.h"
#include "core/text/utf8.h"

namespace stitch::text {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool equals_ignoring_case(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((text[i] | 0x20) != lower_word[i]) return false;
  }
  return true;
}

// Copies `text` without underscores; false when an underscore is not between two digits.
bool remove_underscores(std::string_view text, std::string& out) {
  out.reserve(text.size());
  char previous = '\0';
  for (char c : text) {
    if (c == '_') {
      if (!is_digit(previous)) return false;
    } else {
      if (previous == '_' && !is_digit(c)) return false;
      out.push_back(c);
    }
    previous = c;
  }
  return previous != '_';
}

// True when `text` is [digits][.digits][(e|E)[sign]digits] with at least one mantissa digit.
// Sets `leading_exponent` to an estimate of the decimal exponent of the first non-zero digit
// (saturated), used to tell overflow from underflow when from_chars reports out of range.
bool is_decimal_literal(std::string_view text, int64_t& leading_exponent) {
  size_t pos = 0;
  int64_t mantissa_digits = 0;
  int64_t first_nonzero = -1;  // index among mantissa digits
  int64_t integer_digits = 0;
  while (pos < text.size() && is_digit(text[pos])) {
    if (first_nonzero < 0 && text[pos] != '0') first_nonzero = mantissa_digits;
    ++mantissa_digits, ++integer_digits, ++pos;
  }
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && is_digit(text[pos])) {
      if (first_nonzero < 0 && text[pos] != '0') first_nonzero = mantissa_digits;
      ++mantissa_digits, ++pos;
    }
  }
  if (mantissa_digits == 0) return false;
  int64_t exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    bool negative_exponent = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative_exponent = text[pos++] == '-';
    if (pos == text.size() || !is_digit(text[pos])) return false;
    while (pos < text.size() && is_digit(text[pos])) {
      if (exponent < 1'000'000'000) exponent = exponent * 10 + (text[pos] - '0');
      ++pos;
    }
    if (negative_exponent) exponent = -exponent;
  }
  leading_exponent = first_nonzero < 0 ? 0 : integer_digits - first_nonzero + exponent;
  return pos == text.size();
}

}  // namespace

TextError invalid_float_literal_error(std::string_view repr) {
  return value_error("could not convert string to float: " + std::string(repr));
}

Expected<double> parse_float(std::string_view text) {
  auto invalid = [&] { return invalid_float_literal_error(python_str_repr(text)); };
  std::string cleaned;
  if (!remove_underscores(text, cleaned)) return invalid();
  std::string_view rest = strip_spaces(cleaned);
  bool negative = false;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    negative = rest[0] == '-';
    rest.remove_prefix(1);
  }
  double sign = negative ? -1.0 : 1.0;
  if (equals_ignoring_case(rest, "inf") || equals_ignoring_case(rest, "infinity")) {
    return sign * std::numeric_limits<double>::infinity();
  }
  if (equals_ignoring_case(rest, "nan")) return std::copysign(std::numeric_limits<double>::quiet_NaN(), sign);

  int64_t leading_exponent = 0;
  if (!is_decimal_literal(rest, leading_exponent)) return invalid();
  double magnitude = 0.0;
  auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), magnitude, std::chars_format::general);
  if (error == std::errc::result_out_of_range) {
    // Overflow when the first significant digit is far left of the point, else underflow.
    magnitude = leading_exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (error != std::errc() || end != rest.data() + rest.size()) {
    return invalid();
  }
  return sign * magnitude;
}

}  // namespace stitch::text
