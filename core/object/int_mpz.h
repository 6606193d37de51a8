// GMP views of int objects, for code that works on arbitrary-precision values.
#pragma once

#include <gmp.h>

#include "core/object/int.h"
#include "core/text/int_value.h"

namespace stitch {

// A GMP copy-or-view of an int operand: a big int is viewed in place, a small one is copied into
// local storage. Read-only.
class MpzOperand {
 public:
  explicit MpzOperand(const Object* object) {
    const auto* value = static_cast<const IntObject*>(object);
    if (value->big._mp_d != nullptr) {
      view_ = &value->big;
    } else {
      mpz_init(storage_);
      text::mpz_set_int64(storage_, value->small);
      owns_ = true;
      view_ = storage_;
    }
  }
  MpzOperand(const MpzOperand&) = delete;
  MpzOperand& operator=(const MpzOperand&) = delete;
  ~MpzOperand() {
    if (owns_) mpz_clear(storage_);
  }
  mpz_srcptr get() const { return view_; }

 private:
  mpz_t storage_;
  mpz_srcptr view_ = nullptr;
  bool owns_ = false;
};

// An owned GMP temporary.
class Mpz {
 public:
  Mpz() { mpz_init(value_); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  ~Mpz() { mpz_clear(value_); }
  mpz_ptr get() { return value_; }
  Object* to_int() const { return int_from_mpz(value_); }

 private:
  mpz_t value_;
};

}  // namespace stitch
