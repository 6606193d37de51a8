// float: the type's slots. See float.h for the semantics.
//
// Mixed operands: each binary slot converts both operands with `operand_double` (a float gives its
// value, an int converts with correct rounding or raises OverflowError, anything else makes the
// slot return NotImplemented), so float + int and int + float (int's slot returns NotImplemented,
// then float's slot is called with the operands in source order) both work.
//
// Floor division and modulo follow Python's sign rules from fmod: the remainder takes the
// divisor's sign (a zero remainder too), and the quotient is (x - mod) / y, snapped to the nearest
// integer, so that q * y + mod == x as closely as doubles allow. Exact float/int comparison: when
// the int is not exactly representable, compare the float's integral part with the int in GMP and
// let the fractional part break a tie.
//
// Thread safety: floats are immutable; no shared state.
#include "core/object/float.h"

#include <cmath>
#include <cstdint>

#include "core/object/alloc.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/number_convert.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/text/float_text.h"
#include "core/text/numeric_hash.h"

namespace stitch {

TypeObject float_type;

Object* float_from_double(double value) {
  auto* object = allocate<FloatObject>(&float_type);
  if (object == nullptr) return nullptr;
  object->value = value;
  return object;
}

namespace {

void float_dealloc(Object* object) { free_object_memory(object); }

Object* float_repr(Object* object) { return str_from_utf8(text::float_repr(float_value(object))); }

// object.__hash__'s identity hash (the address rotated by 4 bits), which CPython 3.11 uses for nan.
Hash identity_hash(Object* object) {
  auto bits = reinterpret_cast<std::uintptr_t>(object);
  Hash hash = static_cast<Hash>((bits >> 4) | (bits << (8 * sizeof(bits) - 4)));
  return hash == -1 ? -2 : hash;
}

Hash float_hash(Object* object) {
  double value = float_value(object);
  if (std::isnan(value)) return identity_hash(object);
  return text::hash_double(value);
}

// ---- exact comparison ----

// Sign of (x - n) for a finite or infinite double and an int; nan is handled by the caller.
int compare_double_with_int(double x, Object* n) {
  if (std::isinf(x)) return x > 0 ? 1 : -1;
  if (int_is_small(n)) {
    std::int64_t small = as_int(n)->small;
    constexpr std::int64_t kLimit = std::int64_t{1} << 53;
    if (small >= -kLimit && small <= kLimit) {
      auto y = static_cast<double>(small);  // exact
      return (x > y) - (x < y);
    }
  }
  double integral = std::floor(x);
  mpz_t floor_value;
  mpz_init_set_d(floor_value, integral);  // exact: an integral double
  int order;
  if (int_is_small(n)) {
    mpz_t other;
    mpz_init(other);
    text::mpz_set_int64(other, as_int(n)->small);
    order = mpz_cmp(floor_value, other);
    mpz_clear(other);
  } else {
    order = mpz_cmp(floor_value, &as_int(n)->big);
  }
  mpz_clear(floor_value);
  if (order != 0) return order > 0 ? 1 : -1;
  return x > integral ? 1 : 0;  // equal integral parts: the fraction decides
}

bool apply_order(int order, CompareOp op) {
  switch (op) {
    case CompareOp::kLt: return order < 0;
    case CompareOp::kLe: return order <= 0;
    case CompareOp::kEq: return order == 0;
    case CompareOp::kNe: return order != 0;
    case CompareOp::kGt: return order > 0;
    case CompareOp::kGe: return order >= 0;
  }
  return false;
}

Object* float_rich_compare(Object* self, Object* other, CompareOp op) {
  double x = float_value(self);
  if (is_float(other)) {
    double y = float_value(other);
    switch (op) {
      case CompareOp::kLt: return bool_from(x < y);
      case CompareOp::kLe: return bool_from(x <= y);
      case CompareOp::kEq: return bool_from(x == y);
      case CompareOp::kNe: return bool_from(x != y);
      case CompareOp::kGt: return bool_from(x > y);
      case CompareOp::kGe: return bool_from(x >= y);
    }
  }
  if (!is_int(other)) return new_ref(not_implemented());
  if (std::isnan(x)) return bool_from(op == CompareOp::kNe);
  return bool_from(apply_order(compare_double_with_int(x, other), op));
}

// ---- operand conversion ----

enum class Operand { kOk, kNotNumber, kError };

Operand operand_double(Object* object, double* out) {
  if (is_float(object)) {
    *out = float_value(object);
    return Operand::kOk;
  }
  if (!is_int(object)) return Operand::kNotNumber;
  return int_as_double(object, out) ? Operand::kOk : Operand::kError;
}

// Converts both operands. Returns true when the slot should go on; otherwise false with
// `early_result` set to what the slot returns (NotImplemented, or nullptr with an exception set).
bool convert_operands(Object* a, Object* b, double* x, double* y, Object** early_result) {
  Operand first = operand_double(a, x);
  Operand second = first == Operand::kOk ? operand_double(b, y) : Operand::kOk;
  if (first == Operand::kNotNumber || second == Operand::kNotNumber) {
    *early_result = new_ref(not_implemented());
    return false;
  }
  if (first == Operand::kError || second == Operand::kError) {
    *early_result = nullptr;
    return false;
  }
  return true;
}

#define STITCH_FLOAT_OPERANDS(a, b, x, y)                  \
  double x, y;                                             \
  if (Object* early = nullptr; !convert_operands(a, b, &x, &y, &early)) return early

Object* float_add(Object* a, Object* b) {
  STITCH_FLOAT_OPERANDS(a, b, x, y);
  return float_from_double(x + y);
}
Object* float_subtract(Object* a, Object* b) {
  STITCH_FLOAT_OPERANDS(a, b, x, y);
  return float_from_double(x - y);
}
Object* float_multiply(Object* a, Object* b) {
  STITCH_FLOAT_OPERANDS(a, b, x, y);
  return float_from_double(x * y);
}
Object* float_true_divide(Object* a, Object* b) {
  STITCH_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise_error(&zero_division_error_type, "float division by zero");
  return float_from_double(x / y);
}

// Python's x % y for doubles, y != 0.
double python_fmod(double x, double y) {
  double mod = std::fmod(x, y);
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return mod;
}

// Python's divmod for doubles, y != 0.
void python_divmod(double x, double y, double* quotient, double* remainder) {
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;  // exact up to rounding: x - mod is a multiple of y
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  double floor_div;
  if (div != 0.0) {
    floor_div = std::floor(div);
    if (div - floor_div > 0.5) floor_div += 1.0;  // snap a quotient that rounded just below
  } else {
    floor_div = std::copysign(0.0, x / y);
  }
  *quotient = floor_div;
  *remainder = mod;
}

Object* float_remainder(Object* a, Object* b) {
  STITCH_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise_error(&zero_division_error_type, "float modulo");
  return float_from_double(python_fmod(x, y));
}

Object* float_floor_divide(Object* a, Object* b) {
  STITCH_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise_error(&zero_division_error_type, "float floor division by zero");
  double quotient, remainder;
  python_divmod(x, y, &quotient, &remainder);
  return float_from_double(quotient);
}

Object* float_divmod(Object* a, Object* b) {
  STITCH_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise_error(&zero_division_error_type, "float divmod()");
  double quotient, remainder;
  python_divmod(x, y, &quotient, &remainder);
  Ref first = Ref::steal(float_from_double(quotient));
  Ref second = Ref::steal(float_from_double(remainder));
  if (!first || !second) return nullptr;
  return tuple_pack({first.get(), second.get()});
}

Object* float_power(Object* a, Object* b, Object* modulus) {
  if (modulus != nullptr && !is_none(modulus)) {
    if (!(is_float(a) || is_int(a)) || !(is_float(b) || is_int(b))) return new_ref(not_implemented());
    return raise_error(&type_error_type, "pow() 3rd argument not allowed unless all arguments are integers");
  }
  STITCH_FLOAT_OPERANDS(a, b, x, y);
  return float_power_values(x, y);
}

#undef STITCH_FLOAT_OPERANDS

// ---- unary ----

Object* float_exact(Object* a) {
  if (type_of(a) == &float_type) return new_ref(a);
  return float_from_double(float_value(a));
}
Object* float_negative(Object* a) { return float_from_double(-float_value(a)); }
Object* float_absolute(Object* a) { return float_from_double(std::fabs(float_value(a))); }
int float_is_true(Object* a) { return float_value(a) != 0.0; }

Object* float_to_int(Object* a) { return int_from_double_truncated(float_value(a)); }

bool is_odd_integer(double value) {
  // Integral doubles beyond 2**53 are all even.
  return std::fabs(value) < 9007199254740992.0 && std::fmod(value, 2.0) != 0.0 && value == std::trunc(value);
}

Object* raise_power_overflow() {
  Ref code = Ref::steal(int_from_int64(34));
  Ref message = Ref::steal(str_from_utf8("Numerical result out of range"));
  if (!code || !message) return nullptr;
  Ref args = Ref::steal(tuple_pack({code.get(), message.get()}));
  if (!args) return nullptr;
  Object* exception = exception_new(&overflow_error_type, args.get());
  if (exception != nullptr) set_exception(exception);
  return nullptr;
}

}  // namespace

Object* int_from_double_truncated(double value) {
  if (std::isinf(value)) return raise_error(&overflow_error_type, "cannot convert float infinity to integer");
  if (std::isnan(value)) return raise_error(&value_error_type, "cannot convert float NaN to integer");
  double truncated = std::trunc(value);
  // Doubles in [-2**63, 2**63) convert to int64 exactly.
  if (truncated >= -9223372036854775808.0 && truncated < 9223372036854775808.0) {
    return int_from_int64(static_cast<std::int64_t>(truncated));
  }
  mpz_t big;
  mpz_init_set_d(big, truncated);
  Object* result = int_from_mpz(big);
  mpz_clear(big);
  return result;
}

Object* float_power_values(double x, double y) {
  if (y == 0.0) return float_from_double(1.0);  // x ** 0 is 1, even for nan
  if (std::isnan(x)) return float_from_double(x);
  if (std::isnan(y)) return float_from_double(x == 1.0 ? 1.0 : y);
  if (std::isinf(y)) {
    double magnitude = std::fabs(x);
    if (magnitude == 1.0) return float_from_double(1.0);
    bool grows = (magnitude > 1.0) == (y > 0);
    return float_from_double(grows ? INFINITY : 0.0);
  }
  if (std::isinf(x)) {
    bool odd = is_odd_integer(y);
    if (y > 0) return float_from_double(odd ? x : std::fabs(x));
    return float_from_double(odd ? std::copysign(0.0, x) : 0.0);
  }
  if (x == 0.0) {
    if (y < 0) return raise_error(&zero_division_error_type, "0.0 cannot be raised to a negative power");
    return float_from_double(is_odd_integer(y) ? x : 0.0);
  }
  bool negate = false;
  if (x < 0) {
    if (y != std::trunc(y)) {
      // Python returns a complex number here; Stitch has no complex type (see float.h).
      return raise_error(&value_error_type, "negative number cannot be raised to a fractional power");
    }
    x = -x;
    negate = is_odd_integer(y);
  }
  if (x == 1.0) return float_from_double(negate ? -1.0 : 1.0);
  double result = std::pow(x, y);
  if (std::isinf(result)) return raise_power_overflow();  // finite operands: a real overflow
  return float_from_double(negate ? -result : result);
}

void init_float_type() {
  init_static_type(float_type, "float", sizeof(FloatObject), &object_type,
                   type_flags::kBaseType | type_flags::kFloatSubclass);
  float_type.dealloc = float_dealloc;
  float_type.repr = float_repr;
  float_type.hash = float_hash;
  float_type.rich_compare = float_rich_compare;
  NumberSlots& number = float_type.number;
  number.add = float_add;
  number.subtract = float_subtract;
  number.multiply = float_multiply;
  number.true_divide = float_true_divide;
  number.floor_divide = float_floor_divide;
  number.remainder = float_remainder;
  number.divmod = float_divmod;
  number.power = float_power;
  number.negative = float_negative;
  number.positive = float_exact;
  number.absolute = float_absolute;
  number.is_true = float_is_true;
  number.to_int = float_to_int;
  number.to_float = float_exact;
}

}  // namespace stitch
