#include "core/text/int_text.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace stitch::text {

std::string magnitude_digits(IntRef value, int base) {
  if (value.is_small()) {
    int64_t small = value.small();
    // |INT64_MIN| does not fit in int64: take the magnitude as unsigned.
    uint64_t magnitude = small < 0 ? 0 - static_cast<uint64_t>(small) : static_cast<uint64_t>(small);
    char buffer[72];
    auto written = std::to_chars(buffer, buffer + sizeof buffer, magnitude, base);
    return std::string(buffer, written.ptr);
  }
  mpz_srcptr big = value.big();
  std::string text(mpz_sizeinbase(big, base) + 2, '\0');
  mpz_get_str(text.data(), base, big);
  text.resize(std::strlen(text.c_str()));
  if (!text.empty() && text[0] == '-') text.erase(0, 1);
  return text;
}

TextError int_to_decimal_limit_error(int64_t max_str_digits) {
  return value_error("Exceeds the limit (" + std::to_string(max_str_digits) +
                     " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
}

Expected<std::string> int_to_decimal(IntRef value, int64_t max_str_digits) {
  if (value.is_small()) return std::to_string(value.small());
  // mpz_sizeinbase may overestimate by one: reject early only when certainly too long.
  if (max_str_digits > 0 && static_cast<int64_t>(mpz_sizeinbase(value.big(), 10)) - 1 > max_str_digits) {
    return int_to_decimal_limit_error(max_str_digits);
  }
  std::string digits = magnitude_digits(value, 10);
  if (max_str_digits > 0 && static_cast<int64_t>(digits.size()) > max_str_digits) {
    return int_to_decimal_limit_error(max_str_digits);
  }
  return value.is_negative() ? "-" + digits : digits;
}

namespace {

std::string with_prefix(IntRef value, int base, const char* prefix) {
  std::string out = value.is_negative() ? "-" : "";
  out += prefix;
  out += magnitude_digits(value, base);
  return out;
}

}  // namespace

std::string int_to_bin(IntRef value) { return with_prefix(value, 2, "0b"); }
std::string int_to_oct(IntRef value) { return with_prefix(value, 8, "0o"); }
std::string int_to_hex(IntRef value) { return with_prefix(value, 16, "0x"); }

Expected<double> int_to_double(IntRef value) {
  // The hardware conversion of a 64-bit integer rounds to nearest, ties to even.
  if (value.is_small()) return static_cast<double>(value.small());
  mpz_srcptr big = value.big();
  size_t bits = mpz_sizeinbase(big, 2);
  double result;
  if (bits <= 64) {
    mpz_t magnitude;
    mpz_init(magnitude);
    mpz_abs(magnitude, big);
    result = static_cast<double>(static_cast<uint64_t>(mpz_getlimbn(magnitude, 0)));
    mpz_clear(magnitude);
  } else {
    // Keep the top 55 bits (53 significant + round bit + one more) and fold every lower bit into a
    // sticky lowest bit: the hardware's round-to-nearest-even of that 55-bit integer is then the
    // correct rounding of the whole value; scaling by a power of two is exact.
    size_t shift = bits - 55;
    mpz_t top;
    mpz_init(top);
    mpz_abs(top, big);
    bool sticky = mpz_scan1(top, 0) < shift;
    mpz_tdiv_q_2exp(top, top, shift);
    uint64_t kept = static_cast<uint64_t>(mpz_getlimbn(top, 0)) | (sticky ? 1u : 0u);
    mpz_clear(top);
    result = std::ldexp(static_cast<double>(kept), static_cast<int>(shift > 2000 ? 2000 : shift));
  }
  if (std::isinf(result)) return overflow_error("int too large to convert to float");
  return value.is_negative() ? -result : result;
}

}  // namespace stitch::text
