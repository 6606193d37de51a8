// IntValue and IntRef: the two ways integers cross this library's boundary.
//
// Python ints are unbounded. The object model boxes a 64-bit value and promotes to a GMP mpz on
// overflow, so the library speaks the same two representations:
//  - IntRef is a non-owning view of either an int64_t or an mpz (formatters take it);
//  - IntValue owns a result (parse_int returns it). Invariant: it holds an mpz only when the value
//    does not fit in int64_t ("demoted when it fits"), so is_small() is the same as "fits in int64".
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>

namespace stitch::text {

class IntRef {
 public:
  IntRef(int64_t value) : small_(value) {}   // NOLINT: implicit on purpose
  IntRef(mpz_srcptr value) : big_(value) {}  // NOLINT: implicit on purpose

  bool is_small() const { return big_ == nullptr; }
  int64_t small() const { return small_; }
  mpz_srcptr big() const { return big_; }
  bool is_negative() const { return big_ ? mpz_sgn(big_) < 0 : small_ < 0; }
  bool is_zero() const { return big_ ? mpz_sgn(big_) == 0 : small_ == 0; }
  /// Stores the value in `out` and returns true when it fits in int64_t (for either
  /// representation: callers may pass an mpz that was not demoted).
  bool get_int64(int64_t& out) const;

 private:
  int64_t small_ = 0;
  mpz_srcptr big_ = nullptr;
};

class IntValue {
 public:
  IntValue() = default;
  explicit IntValue(int64_t value) : small_(value) {}
  /// Takes the value of `value` (copies it); demotes to int64 when it fits.
  explicit IntValue(mpz_srcptr value);
  IntValue(const IntValue& other);
  IntValue(IntValue&& other) noexcept;
  IntValue& operator=(IntValue other) noexcept;
  ~IntValue();

  bool is_small() const { return !has_big_; }
  int64_t small() const { return small_; }
  mpz_srcptr big() const { return has_big_ ? big_ : nullptr; }
  IntRef ref() const { return has_big_ ? IntRef(big_) : IntRef(small_); }
  operator IntRef() const { return ref(); }  // NOLINT: implicit on purpose

  /// Stores the value into `out` (which the caller has initialised).
  void get_mpz(mpz_ptr out) const;
  /// Decimal text, no digit limit (for tests and diagnostics).
  std::string to_decimal_string() const;

 private:
  int64_t small_ = 0;
  bool has_big_ = false;
  mpz_t big_{};  // meaningful only when has_big_
};

/// True when `value` fits in int64_t.
bool mpz_fits_int64(mpz_srcptr value);
/// The value of an mpz that fits in int64_t (precondition: mpz_fits_int64).
int64_t mpz_to_int64(mpz_srcptr value);
/// Stores an int64 into an initialised mpz (GMP has no portable int64 setter for all platforms).
void mpz_set_int64(mpz_ptr out, int64_t value);

}  // namespace stitch::text
