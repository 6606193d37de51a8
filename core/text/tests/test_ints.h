// Test helper: an integer given as decimal text, available as the int64 fast path (when it fits)
// and always as a GMP value, so every table row exercises both representations.
#pragma once

#include <gmp.h>

#include <optional>
#include <string>

#include "core/text/int_value.h"

namespace stitch::text::testing {

class TestInt {
 public:
  explicit TestInt(const std::string& decimal) {
    mpz_init_set_str(big_, decimal.c_str(), 10);
    if (mpz_fits_int64(big_)) small_ = mpz_to_int64(big_);
  }
  TestInt(const TestInt&) = delete;
  TestInt& operator=(const TestInt&) = delete;
  ~TestInt() { mpz_clear(big_); }

  /// The normalized representation the object model would hand over.
  IntRef normal() const { return small_ ? IntRef(*small_) : IntRef(big_); }
  /// Always the GMP representation (not normalized for small values).
  IntRef as_mpz() const { return IntRef(big_); }

 private:
  mpz_t big_;
  std::optional<int64_t> small_;
};

}  // namespace stitch::text::testing
