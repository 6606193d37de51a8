// IntArg and IntResult: how Python ints cross the random engine's boundary.
//
// Python ints are unbounded; the object model boxes an int64_t and promotes to a GMP mpz on
// overflow. The engine speaks the same two representations without depending on Stitch objects:
//  - IntArg is a non-owning view of either an int64_t or an mpz (arguments: seeds, range bounds);
//  - IntResult owns a result. Invariant: it holds an mpz only when the value does not fit in
//    int64_t ("demoted when it fits"), so is_small() is the same as "fits in int64".
#pragma once

#include <gmp.h>

#include <concepts>
#include <cstdint>
#include <string>
#include <type_traits>

namespace stitch::random {

class IntArg {
 public:
  IntArg(int64_t value) : small_(value) {}  // NOLINT: implicit on purpose
  /// Any other integer type that fits in int64_t (a template, so that a literal 0 picks this
  /// exact match rather than being ambiguous with the null mpz pointer).
  template <std::integral T>
    requires(!std::is_same_v<T, int64_t> && (std::is_signed_v<T> || sizeof(T) < sizeof(int64_t)))
  IntArg(T value) : small_(static_cast<int64_t>(value)) {}  // NOLINT: implicit on purpose
  IntArg(mpz_srcptr value) : big_(value) {}  // NOLINT: implicit on purpose

  bool is_small() const { return big_ == nullptr; }
  int64_t small() const { return small_; }
  mpz_srcptr big() const { return big_; }
  int sign() const { return big_ ? mpz_sgn(big_) : (small_ > 0) - (small_ < 0); }
  /// Writes the value into an initialized mpz.
  void store_to(mpz_ptr out) const;
  std::string to_decimal() const;

 private:
  int64_t small_ = 0;
  mpz_srcptr big_ = nullptr;
};

class IntResult {
 public:
  IntResult() = default;
  explicit IntResult(int64_t value) : small_(value) {}
  /// Copies `value`; demotes to int64 when it fits.
  explicit IntResult(mpz_srcptr value);
  static IntResult from_unsigned(uint64_t value);
  IntResult(const IntResult& other);
  IntResult(IntResult&& other) noexcept;
  IntResult& operator=(IntResult other) noexcept;
  ~IntResult();

  bool is_small() const { return !has_big_; }
  int64_t small() const { return small_; }
  /// Only valid when !is_small().
  mpz_srcptr big() const { return big_; }
  std::string to_decimal() const;

 private:
  int64_t small_ = 0;
  bool has_big_ = false;
  mpz_t big_{};  // a live mpz only while has_big_ (zeroed otherwise, so swapping is defined)
};

}  // namespace stitch::random
