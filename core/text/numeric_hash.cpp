#include "core/text/numeric_hash.h"

#include <cassert>
#include <cmath>

namespace stitch::text {
namespace {

int64_t apply_sign(uint64_t reduced, bool negative) {
  auto hash = static_cast<int64_t>(reduced);  // reduced < P < 2**61: fits
  if (negative) hash = -hash;
  return hash == -1 ? -2 : hash;
}

// x * 2**shift mod P, for x < P and 0 <= shift < 61: a rotation within 61 bits.
uint64_t times_power_of_two(uint64_t x, unsigned shift) {
  if (shift == 0) return x;
  return ((x << shift) & kHashModulus) | (x >> (61 - shift));
}

}  // namespace

int64_t hash_int64(int64_t value) {
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  return apply_sign(magnitude % kHashModulus, value < 0);
}

int64_t hash_mpz(mpz_srcptr value) {
  // mpz_tdiv_ui reduces |value| (unsigned long is 64 bits, see int_value.cpp).
  uint64_t reduced = mpz_tdiv_ui(value, kHashModulus);
  return apply_sign(reduced, mpz_sgn(value) < 0);
}

int64_t hash_int(IntRef value) { return value.is_small() ? hash_int64(value.small()) : hash_mpz(value.big()); }

int64_t hash_double(double value) {
  assert(!std::isnan(value) && "hash(nan) is identity-based: the object model's job");
  if (std::isinf(value)) return value > 0 ? kHashInfinity : -kHashInfinity;
  if (value == 0.0) return 0;
  // |value| = mantissa * 2**exponent with a 53-bit integer mantissa (exact).
  int exponent = 0;
  double fraction = std::frexp(std::fabs(value), &exponent);  // in [0.5, 1)
  auto mantissa = static_cast<uint64_t>(std::ldexp(fraction, 53));
  exponent -= 53;
  int shift = exponent % 61;
  if (shift < 0) shift += 61;
  uint64_t reduced = times_power_of_two(mantissa % kHashModulus, static_cast<unsigned>(shift));
  if (reduced == kHashModulus) reduced = 0;
  return apply_sign(reduced, value < 0);
}

}  // namespace stitch::text
