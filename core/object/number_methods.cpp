// Methods and properties of int and float (bit_length, is_integer, .real, ...). bool inherits
// int's, and like CPython its .real/.numerator are plain ints.
#include <cmath>
#include <gmp.h>

#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/exceptions.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/int_mpz.h"
#include "core/object/tuple.h"

namespace stitch {

namespace {

// int(self) with bool's subclass dropped: True.real is 1.
Object* int_plain(Object* self) {
  if (type_of(self) == &int_type) return new_ref(self);
  if (int_is_small(self)) return int_from_int64(as_int(self)->small);
  return int_from_mpz(&as_int(self)->big);
}

Object* int_bit_length(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_arguments("int.bit_length", nargs + (kwnames != nullptr))) return nullptr;
  if (int_is_small(self)) {
    std::int64_t value = as_int(self)->small;
    std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    return int_from_int64(magnitude == 0 ? 0 : 64 - __builtin_clzll(magnitude));
  }
  return int_from_int64(static_cast<std::int64_t>(mpz_sizeinbase(&as_int(self)->big, 2)));
}

Object* int_bit_count(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_arguments("int.bit_count", nargs + (kwnames != nullptr))) return nullptr;
  MpzOperand value(self);
  mpz_t magnitude;
  mpz_init(magnitude);
  mpz_abs(magnitude, value.get());
  std::int64_t count = static_cast<std::int64_t>(mpz_popcount(magnitude));
  mpz_clear(magnitude);
  return int_from_int64(count);
}

Object* int_conjugate(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_arguments("int.conjugate", nargs + (kwnames != nullptr))) return nullptr;
  return int_plain(self);
}

Object* int_as_integer_ratio(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_arguments("int.as_integer_ratio", nargs + (kwnames != nullptr))) return nullptr;
  Ref numerator = Ref::steal(int_plain(self));
  if (!numerator) return nullptr;
  Ref one = Ref::steal(int_from_int64(1));
  return tuple_pack({numerator.get(), one.get()});
}

Object* int_real(Object* self) { return int_plain(self); }
Object* int_imag(Object*) { return int_from_int64(0); }
Object* int_denominator(Object*) { return int_from_int64(1); }

const MethodDef int_methods[] = {
    {"bit_length", int_bit_length},
    {"bit_count", int_bit_count},
    {"conjugate", int_conjugate},
    {"as_integer_ratio", int_as_integer_ratio},
    {nullptr, nullptr},
};

const GetSetDef int_getsets[] = {
    {"real", int_real},
    {"imag", int_imag},
    {"numerator", int_real},
    {"denominator", int_denominator},
    {nullptr, nullptr},
};

Object* float_is_integer(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_arguments("float.is_integer", nargs + (kwnames != nullptr))) return nullptr;
  double value = float_value(self);
  return bool_from(std::isfinite(value) && std::floor(value) == value);
}

Object* float_conjugate(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_arguments("float.conjugate", nargs + (kwnames != nullptr))) return nullptr;
  return float_from_double(float_value(self));
}

// Exact: value = mantissa * 2**exponent with an integral mantissa, then reduced by powers of two.
Object* float_as_integer_ratio(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_arguments("float.as_integer_ratio", nargs + (kwnames != nullptr))) return nullptr;
  double value = float_value(self);
  if (std::isinf(value)) return raise_error(&overflow_error_type, "cannot convert Infinity to integer ratio");
  if (std::isnan(value)) return raise_error(&value_error_type, "cannot convert NaN to integer ratio");
  int exponent = 0;
  double fraction = std::frexp(value, &exponent);
  for (int i = 0; i < 300 && fraction != std::floor(fraction); ++i) {
    fraction *= 2.0;
    --exponent;
  }
  mpz_t numerator, denominator;
  mpz_init_set_d(numerator, fraction);
  mpz_init_set_ui(denominator, 1);
  if (exponent > 0) mpz_mul_2exp(numerator, numerator, static_cast<mp_bitcnt_t>(exponent));
  else mpz_mul_2exp(denominator, denominator, static_cast<mp_bitcnt_t>(-exponent));
  Ref top = Ref::steal(int_from_mpz(numerator));
  Ref bottom = Ref::steal(int_from_mpz(denominator));
  mpz_clear(numerator);
  mpz_clear(denominator);
  if (!top || !bottom) return nullptr;
  return tuple_pack({top.get(), bottom.get()});
}

Object* float_real(Object* self) { return float_from_double(float_value(self)); }
Object* float_imag(Object*) { return float_from_double(0.0); }

const MethodDef float_methods[] = {
    {"is_integer", float_is_integer},
    {"conjugate", float_conjugate},
    {"as_integer_ratio", float_as_integer_ratio},
    {nullptr, nullptr},
};

const GetSetDef float_getsets[] = {
    {"real", float_real},
    {"imag", float_imag},
    {nullptr, nullptr},
};

}  // namespace

void init_number_methods() {
  int_type.methods = int_methods;
  int_type.getsets = int_getsets;
  float_type.methods = float_methods;
  float_type.getsets = float_getsets;
}

}  // namespace stitch
