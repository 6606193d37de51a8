// ScopedMpz: an RAII owner for a GMP integer used as a temporary inside the engine (internal).
#pragma once

#include <gmp.h>

namespace stitch::random {

class ScopedMpz {
 public:
  ScopedMpz() { mpz_init(value_); }
  ScopedMpz(const ScopedMpz&) = delete;
  ScopedMpz& operator=(const ScopedMpz&) = delete;
  ~ScopedMpz() { mpz_clear(value_); }

  mpz_ptr get() { return value_; }
  mpz_srcptr get() const { return value_; }

 private:
  mpz_t value_;
};

}  // namespace stitch::random
