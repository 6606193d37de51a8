// int(str, base): validates the literal's shape in one pass, then converts the cleaned digits
// (int64 arithmetic when they fit, GMP otherwise).
#include <string>

#include "core/text/parse_number.h"
#include "core/text/utf8.h"

namespace stitch::text {
namespace {

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;  // not a digit in any base
}

bool is_power_of_two(int base) { return (base & (base - 1)) == 0; }

bool has_prefix_for(std::string_view text, int base) {
  if (text.size() < 2 || text[0] != '0') return false;
  char marker = static_cast<char>(text[1] | 0x20);  // lower case
  return (base == 16 && marker == 'x') || (base == 8 && marker == 'o') || (base == 2 && marker == 'b');
}

// Converts digits (no underscores, all valid in `base`) to an IntValue.
IntValue digits_to_int(const std::string& digits, int base, bool negative) {
  uint64_t value = 0;
  bool fits = true;
  for (char c : digits) {
    auto digit = static_cast<uint64_t>(digit_value(c));
    if (value > (UINT64_MAX - digit) / static_cast<uint64_t>(base)) {
      fits = false;
      break;
    }
    value = value * static_cast<uint64_t>(base) + digit;
  }
  if (fits) {
    if (!negative && value <= static_cast<uint64_t>(INT64_MAX)) return IntValue(static_cast<int64_t>(value));
    if (negative && value <= static_cast<uint64_t>(INT64_MAX) + 1) {
      return IntValue(static_cast<int64_t>(0 - value));
    }
  }
  mpz_t big;
  mpz_init(big);
  mpz_set_str(big, digits.c_str(), base);
  if (negative) mpz_neg(big, big);
  IntValue result(big);
  mpz_clear(big);
  return result;
}

}  // namespace

TextError invalid_int_literal_error(int base, std::string_view repr) {
  return value_error("invalid literal for int() with base " + std::to_string(base) + ": " +
                     std::string(utf8_prefix(repr, 200)));
}

Expected<IntValue> parse_int(std::string_view text, int base, int64_t max_str_digits) {
  if ((base != 0 && base < 2) || base > 36) return value_error("int() base must be >= 2 and <= 36, or 0");
  const int requested_base = base;
  auto invalid = [&] { return invalid_int_literal_error(requested_base, python_str_repr(text)); };

  std::string_view rest = strip_spaces(text);
  bool negative = false;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    negative = rest[0] == '-';
    rest.remove_prefix(1);
  }
  bool must_be_zero = false;  // base 0 with a leading zero and no prefix: only zero is allowed
  if (base == 0) {
    if (rest.empty() || rest[0] != '0') {
      base = 10;
    } else if (rest.size() >= 2 && (rest[1] | 0x20) == 'x') {
      base = 16;
    } else if (rest.size() >= 2 && (rest[1] | 0x20) == 'o') {
      base = 8;
    } else if (rest.size() >= 2 && (rest[1] | 0x20) == 'b') {
      base = 2;
    } else {
      base = 10;
      must_be_zero = true;
    }
  }
  if (has_prefix_for(rest, base)) {
    rest.remove_prefix(2);
    if (!rest.empty() && rest[0] == '_') rest.remove_prefix(1);
  }

  // The digit scan stops at the first character that cannot continue the literal; as in CPython,
  // the digit limit is checked before what follows the scan (or a base-0 leading zero) is judged.
  std::string digits;
  digits.reserve(rest.size());
  if (!rest.empty() && rest[0] == '_') return invalid();
  size_t pos = 0;
  for (; pos < rest.size(); ++pos) {
    char c = rest[pos];
    if (c == '_') {
      if (pos + 1 == rest.size() || rest[pos + 1] == '_') break;  // trailing or doubled underscore
    } else if (digit_value(c) < base) {
      digits.push_back(c);
    } else {
      break;
    }
  }
  if (digits.empty()) return invalid();
  if (max_str_digits > 0 && !is_power_of_two(base) && static_cast<int64_t>(digits.size()) > max_str_digits) {
    return value_error("Exceeds the limit (" + std::to_string(max_str_digits) +
                       " digits) for integer string conversion: value has " + std::to_string(digits.size()) +
                       " digits; use sys.set_int_max_str_digits() to increase the limit");
  }
  if (pos != rest.size()) return invalid();
  if (must_be_zero && digits.find_first_not_of('0') != std::string::npos) return invalid();
  return digits_to_int(digits, base, negative);
}

}  // namespace stitch::text
