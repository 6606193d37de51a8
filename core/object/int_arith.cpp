// int's number slots: + - * // % divmod / ** << >> & | ^ ~, unary minus/plus/abs, int(), float(),
// __index__, and bool's & | ^ (which keep bool when both operands are bools).
//
// Algorithm: when both operands are stored small (int64) the slot computes in int64 and detects
// overflow with __builtin_*_overflow (or an explicit test for the two cases that overflow
// otherwise: INT64_MIN // -1 and -INT64_MIN); on overflow, or when an operand is big, it computes
// in GMP. Every result goes through int_from_int64 / int_from_mpz, so it is normalized (a value
// that fits in int64 is never stored big) and small values are the cached immortals.
// Python's floor semantics map onto GMP's fdiv family (quotient toward -inf, remainder with the
// divisor's sign); GMP's and/or/xor/com act on the infinite two's-complement representation,
// which is exactly Python's semantics for negative operands.
//
// Binary slots are called as slot(a, b) in source order for both the left operand's type and the
// reflected try (type.h), so each checks both operands and returns NotImplemented unless both are
// ints; float's slots then handle int/float mixes.
//
// Thread safety: ints are immutable and every temporary is local; nothing here is shared.
#include <cstdint>
#include <limits>

#include "core/object/alloc.h"
#include "core/object/bool.h"
#include "core/object/exceptions.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/int_mpz.h"
#include "core/object/number_convert.h"
#include "core/object/singletons.h"
#include "core/object/tuple.h"
#include "core/text/int_text.h"

namespace stitch {

namespace {

bool both_ints(Object* a, Object* b) { return is_int(a) && is_int(b); }
bool both_small(Object* a, Object* b) { return int_is_small(a) && int_is_small(b); }
std::int64_t small_of(Object* object) { return as_int(object)->small; }
Object* not_implemented_ref() { return new_ref(not_implemented()); }

// Raises MemoryError() with no arguments, as CPython does when an int would be too large.
Object* raise_memory_error() {
  Object* exception = exception_new(&memory_error_type, empty_tuple());
  if (exception != nullptr) set_exception(exception);
  return nullptr;
}

// ---- + - * ----

Object* int_add(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented_ref();
  std::int64_t result;
  if (both_small(a, b) && !__builtin_add_overflow(small_of(a), small_of(b), &result)) {
    return int_from_int64(result);
  }
  Mpz sum;
  mpz_add(sum.get(), MpzOperand(a).get(), MpzOperand(b).get());
  return sum.to_int();
}

Object* int_subtract(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented_ref();
  std::int64_t result;
  if (both_small(a, b) && !__builtin_sub_overflow(small_of(a), small_of(b), &result)) {
    return int_from_int64(result);
  }
  Mpz difference;
  mpz_sub(difference.get(), MpzOperand(a).get(), MpzOperand(b).get());
  return difference.to_int();
}

Object* int_multiply(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented_ref();
  std::int64_t result;
  if (both_small(a, b) && !__builtin_mul_overflow(small_of(a), small_of(b), &result)) {
    return int_from_int64(result);
  }
  Mpz product;
  mpz_mul(product.get(), MpzOperand(a).get(), MpzOperand(b).get());
  return product.to_int();
}

// ---- // % divmod (floor toward -inf) ----

bool is_zero_int(Object* object) { return int_is_small(object) && small_of(object) == 0; }

// Floor division of int64s; precondition: y != 0 and not (x == INT64_MIN && y == -1).
std::int64_t floor_div_small(std::int64_t x, std::int64_t y) {
  std::int64_t quotient = x / y;
  if (x % y != 0 && ((x < 0) != (y < 0))) --quotient;
  return quotient;
}
// Remainder with the divisor's sign; precondition: y != 0 (y == -1 gives 0).
std::int64_t floor_mod_small(std::int64_t x, std::int64_t y) {
  if (y == -1) return 0;
  std::int64_t remainder = x % y;
  if (remainder != 0 && ((remainder < 0) != (y < 0))) remainder += y;
  return remainder;
}
bool small_division_overflows(Object* a, Object* b) {
  return small_of(a) == std::numeric_limits<std::int64_t>::min() && small_of(b) == -1;
}

Object* int_floor_divide(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented_ref();
  if (is_zero_int(b)) return raise_error(&zero_division_error_type, "integer division or modulo by zero");
  if (both_small(a, b) && !small_division_overflows(a, b)) {
    return int_from_int64(floor_div_small(small_of(a), small_of(b)));
  }
  Mpz quotient;
  mpz_fdiv_q(quotient.get(), MpzOperand(a).get(), MpzOperand(b).get());
  return quotient.to_int();
}

Object* int_remainder(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented_ref();
  if (is_zero_int(b)) return raise_error(&zero_division_error_type, "integer modulo by zero");
  if (both_small(a, b)) return int_from_int64(floor_mod_small(small_of(a), small_of(b)));
  Mpz remainder;
  mpz_fdiv_r(remainder.get(), MpzOperand(a).get(), MpzOperand(b).get());
  return remainder.to_int();
}

Object* pack_pair(Object* first_stolen, Object* second_stolen) {
  Ref first = Ref::steal(first_stolen);
  Ref second = Ref::steal(second_stolen);
  if (!first || !second) return nullptr;
  return tuple_pack({first.get(), second.get()});
}

Object* int_divmod(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented_ref();
  if (is_zero_int(b)) return raise_error(&zero_division_error_type, "integer division or modulo by zero");
  if (both_small(a, b) && !small_division_overflows(a, b)) {
    return pack_pair(int_from_int64(floor_div_small(small_of(a), small_of(b))),
                     int_from_int64(floor_mod_small(small_of(a), small_of(b))));
  }
  Mpz quotient, remainder;
  mpz_fdiv_qr(quotient.get(), remainder.get(), MpzOperand(a).get(), MpzOperand(b).get());
  return pack_pair(quotient.to_int(), remainder.to_int());
}

// ---- / (always a float, correctly rounded) ----

constexpr std::int64_t kExactDoubleLimit = std::int64_t{1} << 53;
bool exact_in_double(std::int64_t value) { return value >= -kExactDoubleLimit && value <= kExactDoubleLimit; }

Object* int_true_divide(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented_ref();
  if (is_zero_int(b)) return raise_error(&zero_division_error_type, "division by zero");
  if (both_small(a, b) && exact_in_double(small_of(a)) && exact_in_double(small_of(b))) {
    // Both are exact doubles, so IEEE division rounds the exact quotient once.
    return float_from_double(static_cast<double>(small_of(a)) / static_cast<double>(small_of(b)));
  }
  double quotient;
  if (!mpz_ratio_to_double(MpzOperand(a).get(), MpzOperand(b).get(), &quotient)) {
    return raise_error(&overflow_error_type, "integer division result too large for a float");
  }
  return float_from_double(quotient);
}

// ---- ** and pow(a, b, m) ----

// a ** e for e >= 0 in int64, or false on overflow.
bool power_small(std::int64_t base, std::uint64_t exponent, std::int64_t* out) {
  std::int64_t result = 1;
  while (true) {
    if ((exponent & 1) != 0 && __builtin_mul_overflow(result, base, &result)) return false;
    exponent >>= 1;
    if (exponent == 0) break;
    if (__builtin_mul_overflow(base, base, &base)) return false;
  }
  *out = result;
  return true;
}

Object* modular_power(Object* base, Object* exponent, Object* modulus) {
  if (is_zero_int(modulus)) return raise_error(&value_error_type, "pow() 3rd argument cannot be 0");
  MpzOperand modulus_value(modulus);
  Mpz magnitude;  // |modulus|
  mpz_abs(magnitude.get(), modulus_value.get());
  MpzOperand exponent_value(exponent);
  Mpz result;
  if (mpz_sgn(exponent_value.get()) < 0) {
    // pow(b, -e, m) == pow(inverse(b) mod m, e, m) (Python 3.8+).
    Mpz inverse;
    if (mpz_cmp_ui(magnitude.get(), 1) == 0) {
      mpz_set_ui(result.get(), 0);
    } else {
      if (mpz_invert(inverse.get(), MpzOperand(base).get(), magnitude.get()) == 0) {
        return raise_error(&value_error_type, "base is not invertible for the given modulus");
      }
      Mpz positive_exponent;
      mpz_neg(positive_exponent.get(), exponent_value.get());
      mpz_powm(result.get(), inverse.get(), positive_exponent.get(), magnitude.get());
    }
  } else {
    mpz_powm(result.get(), MpzOperand(base).get(), exponent_value.get(), magnitude.get());
    mpz_mod(result.get(), result.get(), magnitude.get());  // pow(x, 0, 1) == 0
  }
  // Python's result takes the modulus's sign: it lies in (m, 0] for a negative m.
  if (mpz_sgn(modulus_value.get()) < 0 && mpz_sgn(result.get()) != 0) {
    mpz_add(result.get(), result.get(), modulus_value.get());
  }
  return result.to_int();
}

Object* int_power(Object* base, Object* exponent, Object* modulus) {
  bool has_modulus = modulus != nullptr && !is_none(modulus);
  if (!both_ints(base, exponent) || (has_modulus && !is_int(modulus))) return not_implemented_ref();
  if (has_modulus) return modular_power(base, exponent, modulus);
  bool negative_exponent = int_is_small(exponent) ? small_of(exponent) < 0
                                                  : mpz_sgn(&as_int(exponent)->big) < 0;
  if (negative_exponent) {
    // CPython hands a negative exponent to float's power: 2 ** -1 == 0.5.
    double base_value, exponent_value;
    if (!int_as_double(base, &base_value) || !int_as_double(exponent, &exponent_value)) return nullptr;
    return float_power_values(base_value, exponent_value);
  }
  if (int_is_small(base) && int_is_small(exponent)) {
    std::int64_t result;
    if (power_small(small_of(base), static_cast<std::uint64_t>(small_of(exponent)), &result)) {
      return int_from_int64(result);
    }
  }
  // Bases 0, 1 and -1 stay small for any exponent, even one beyond an unsigned long.
  if (int_is_small(base) && small_of(base) >= -1 && small_of(base) <= 1) {
    std::int64_t value = small_of(base);
    bool odd = int_is_small(exponent) ? (small_of(exponent) & 1) != 0 : mpz_odd_p(&as_int(exponent)->big) != 0;
    bool zero_exponent = is_zero_int(exponent);
    if (value == 0) return int_from_int64(zero_exponent ? 1 : 0);
    if (value == 1) return int_from_int64(1);
    return int_from_int64(odd ? -1 : 1);
  }
  MpzOperand exponent_value(exponent);
  if (!mpz_fits_ulong_p(exponent_value.get())) return raise_memory_error();
  Mpz result;
  mpz_pow_ui(result.get(), MpzOperand(base).get(), mpz_get_ui(exponent_value.get()));
  return result.to_int();
}

// ---- << >> ----

// Shifts producing more bits than this raise MemoryError instead of trying to allocate (CPython
// raises MemoryError for 1 << 2**40 after a failed allocation; Stitch refuses earlier).
constexpr std::uint64_t kMaxShiftBits = std::uint64_t{1} << 32;

bool is_negative_int(Object* object) {
  return int_is_small(object) ? small_of(object) < 0 : mpz_sgn(&as_int(object)->big) < 0;
}

Object* int_lshift(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented_ref();
  if (is_negative_int(b)) return raise_error(&value_error_type, "negative shift count");
  if (is_zero_int(a)) return int_from_int64(0);
  if (!int_is_small(b) || static_cast<std::uint64_t>(small_of(b)) > kMaxShiftBits) return raise_memory_error();
  auto count = static_cast<std::uint64_t>(small_of(b));
  if (int_is_small(a) && count < 63) {
    std::int64_t value = small_of(a);
    std::int64_t shifted = static_cast<std::int64_t>(static_cast<std::uint64_t>(value) << count);
    if ((shifted >> count) == value) return int_from_int64(shifted);
  }
  Mpz result;
  mpz_mul_2exp(result.get(), MpzOperand(a).get(), count);
  return result.to_int();
}

Object* int_rshift(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented_ref();
  if (is_negative_int(b)) return raise_error(&value_error_type, "negative shift count");
  bool negative = is_negative_int(a);
  if (!int_is_small(b)) return int_from_int64(negative ? -1 : 0);  // shifted past every bit
  auto count = static_cast<std::uint64_t>(small_of(b));
  if (int_is_small(a)) return int_from_int64(small_of(a) >> (count > 63 ? 63 : count));
  Mpz result;
  mpz_fdiv_q_2exp(result.get(), &as_int(a)->big, count);  // floor: arithmetic shift
  return result.to_int();
}

// ---- & | ^ ~ (two's complement on an infinite width) ----

enum class BitOp { kAnd, kOr, kXor };

Object* bitwise(Object* a, Object* b, BitOp op) {
  if (both_small(a, b)) {
    std::int64_t x = small_of(a), y = small_of(b);
    switch (op) {
      case BitOp::kAnd: return int_from_int64(x & y);
      case BitOp::kOr: return int_from_int64(x | y);
      case BitOp::kXor: return int_from_int64(x ^ y);
    }
  }
  Mpz result;
  MpzOperand x(a), y(b);
  switch (op) {
    case BitOp::kAnd: mpz_and(result.get(), x.get(), y.get()); break;
    case BitOp::kOr: mpz_ior(result.get(), x.get(), y.get()); break;
    case BitOp::kXor: mpz_xor(result.get(), x.get(), y.get()); break;
  }
  return result.to_int();
}

Object* int_and(Object* a, Object* b) { return both_ints(a, b) ? bitwise(a, b, BitOp::kAnd) : not_implemented_ref(); }
Object* int_or(Object* a, Object* b) { return both_ints(a, b) ? bitwise(a, b, BitOp::kOr) : not_implemented_ref(); }
Object* int_xor(Object* a, Object* b) { return both_ints(a, b) ? bitwise(a, b, BitOp::kXor) : not_implemented_ref(); }

bool is_bool(Object* object) { return type_of(object) == &bool_type; }

// bool's slots: a bool result when both operands are bools, int's behaviour otherwise.
Object* bool_and(Object* a, Object* b) {
  if (is_bool(a) && is_bool(b)) return bool_from(a == py_true() && b == py_true());
  return int_and(a, b);
}
Object* bool_or(Object* a, Object* b) {
  if (is_bool(a) && is_bool(b)) return bool_from(a == py_true() || b == py_true());
  return int_or(a, b);
}
Object* bool_xor(Object* a, Object* b) {
  if (is_bool(a) && is_bool(b)) return bool_from((a == py_true()) != (b == py_true()));
  return int_xor(a, b);
}

Object* int_invert(Object* a) {
  if (int_is_small(a)) return int_from_int64(~small_of(a));  // never overflows
  Mpz result;
  mpz_com(result.get(), &as_int(a)->big);
  return result.to_int();
}

// ---- unary ----

// The same value as an exact int (int subclasses such as bool become plain ints).
Object* int_exact(Object* a) {
  if (type_of(a) == &int_type) return new_ref(a);
  if (int_is_small(a)) return int_from_int64(small_of(a));
  return int_from_mpz(&as_int(a)->big);
}

Object* int_negative(Object* a) {
  if (int_is_small(a) && small_of(a) != std::numeric_limits<std::int64_t>::min()) {
    return int_from_int64(-small_of(a));
  }
  Mpz result;
  mpz_neg(result.get(), MpzOperand(a).get());
  return result.to_int();
}

Object* int_absolute(Object* a) { return is_negative_int(a) ? int_negative(a) : int_exact(a); }

Object* int_to_float(Object* a) {
  double value;
  if (!int_as_double(a, &value)) return nullptr;
  return float_from_double(value);
}

void fill_int_slots(NumberSlots& number) {
  number.add = int_add;
  number.subtract = int_subtract;
  number.multiply = int_multiply;
  number.remainder = int_remainder;
  number.floor_divide = int_floor_divide;
  number.true_divide = int_true_divide;
  number.divmod = int_divmod;
  number.power = int_power;
  number.lshift = int_lshift;
  number.rshift = int_rshift;
  number.bit_and = int_and;
  number.bit_or = int_or;
  number.bit_xor = int_xor;
  number.negative = int_negative;
  number.positive = int_exact;
  number.invert = int_invert;
  number.absolute = int_absolute;
  number.to_int = int_exact;
  number.to_float = int_to_float;
  number.index = int_exact;
}

}  // namespace

text::IntRef int_value_ref(const Object* int_object) {
  const auto* value = static_cast<const IntObject*>(int_object);
  if (value->big._mp_d == nullptr) return text::IntRef(value->small);
  return text::IntRef(&value->big);
}

bool int_as_double(Object* int_object, double* out) {
  if (int_is_small(int_object) && exact_in_double(small_of(int_object))) {
    *out = static_cast<double>(small_of(int_object));
    return true;
  }
  auto converted = text::int_to_double(int_value_ref(int_object));
  if (!converted) {
    raise_text_error(converted.error());
    return false;
  }
  *out = *converted;
  return true;
}

void init_int_number_slots() {
  fill_int_slots(int_type.number);
  fill_int_slots(bool_type.number);
  bool_type.number.bit_and = bool_and;
  bool_type.number.bit_or = bool_or;
  bool_type.number.bit_xor = bool_xor;
}

}  // namespace stitch
