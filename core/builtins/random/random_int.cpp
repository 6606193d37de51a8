// IntArg / IntResult conversions. See random_int.h for the small/big representation invariant.
#include "core/builtins/random/random_int.h"

#include <utility>

namespace stitch::random {
namespace {

std::string mpz_to_decimal(mpz_srcptr value) {
  std::string text(mpz_sizeinbase(value, 10) + 2, '\0');
  mpz_get_str(text.data(), 10, value);
  text.resize(std::char_traits<char>::length(text.c_str()));
  return text;
}

}  // namespace

void IntArg::store_to(mpz_ptr out) const {
  if (big_) {
    mpz_set(out, big_);
  } else {
    static_assert(sizeof(long) == sizeof(int64_t), "LP64 assumed for mpz_set_si");
    mpz_set_si(out, static_cast<long>(small_));
  }
}

std::string IntArg::to_decimal() const { return big_ ? mpz_to_decimal(big_) : std::to_string(small_); }

IntResult::IntResult(mpz_srcptr value) {
  if (mpz_fits_slong_p(value)) {
    small_ = mpz_get_si(value);
  } else {
    mpz_init_set(big_, value);
    has_big_ = true;
  }
}

IntResult IntResult::from_unsigned(uint64_t value) {
  if (value <= static_cast<uint64_t>(INT64_MAX)) return IntResult(static_cast<int64_t>(value));
  IntResult result;
  mpz_init_set_ui(result.big_, static_cast<unsigned long>(value));
  result.has_big_ = true;
  return result;
}

IntResult::IntResult(const IntResult& other) : small_(other.small_), has_big_(other.has_big_) {
  if (has_big_) mpz_init_set(big_, other.big_);
}

IntResult::IntResult(IntResult&& other) noexcept : small_(other.small_), has_big_(other.has_big_) {
  if (has_big_) {
    // mpz_t is a one-element array of a struct that owns a limb pointer: moving it is a copy of
    // that struct, after which `other` must forget it.
    *big_ = *other.big_;
    other.has_big_ = false;
  }
}

IntResult& IntResult::operator=(IntResult other) noexcept {
  std::swap(small_, other.small_);
  std::swap(has_big_, other.has_big_);
  std::swap(*big_, *other.big_);
  return *this;
}

IntResult::~IntResult() {
  if (has_big_) mpz_clear(big_);
}

std::string IntResult::to_decimal() const {
  return has_big_ ? mpz_to_decimal(big_) : std::to_string(small_);
}

}  // namespace stitch::random
