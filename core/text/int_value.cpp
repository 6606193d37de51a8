#include "core/text/int_value.h"

#include <utility>

namespace stitch::text {

// unsigned long is 64 bits on every platform Stitch builds for (LP64); the helpers below rely on it.
static_assert(sizeof(unsigned long) == 8, "Stitch's text library assumes LP64");

bool mpz_fits_int64(mpz_srcptr value) { return mpz_fits_slong_p(value) != 0; }

int64_t mpz_to_int64(mpz_srcptr value) { return static_cast<int64_t>(mpz_get_si(value)); }

void mpz_set_int64(mpz_ptr out, int64_t value) { mpz_set_si(out, static_cast<long>(value)); }

bool IntRef::get_int64(int64_t& out) const {
  if (big_ == nullptr) {
    out = small_;
    return true;
  }
  if (!mpz_fits_int64(big_)) return false;
  out = mpz_to_int64(big_);
  return true;
}

IntValue::IntValue(mpz_srcptr value) {
  if (mpz_fits_int64(value)) {
    small_ = mpz_to_int64(value);
    return;
  }
  mpz_init_set(big_, value);
  has_big_ = true;
}

IntValue::IntValue(const IntValue& other) : small_(other.small_), has_big_(other.has_big_) {
  if (has_big_) mpz_init_set(big_, other.big_);
}

IntValue::IntValue(IntValue&& other) noexcept : small_(other.small_), has_big_(other.has_big_) {
  if (has_big_) {
    // mpz_t is a one-element array of a plain struct: moving it is a bitwise copy of the handle.
    big_[0] = other.big_[0];
    other.has_big_ = false;
  }
}

IntValue& IntValue::operator=(IntValue other) noexcept {
  std::swap(small_, other.small_);
  std::swap(has_big_, other.has_big_);
  std::swap(big_[0], other.big_[0]);
  return *this;
}

IntValue::~IntValue() {
  if (has_big_) mpz_clear(big_);
}

void IntValue::get_mpz(mpz_ptr out) const {
  if (has_big_) {
    mpz_set(out, big_);
  } else {
    mpz_set_int64(out, small_);
  }
}

std::string IntValue::to_decimal_string() const {
  if (!has_big_) return std::to_string(small_);
  std::string text(mpz_sizeinbase(big_, 10) + 2, '\0');
  mpz_get_str(text.data(), 10, big_);
  text.resize(std::char_traits<char>::length(text.c_str()));
  return text;
}

}  // namespace stitch::text
