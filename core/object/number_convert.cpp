// Number constructors and conversions: int(x[, base]), float(x), hex/oct/bin, format(), round(),
// and the exact ratio-to-double rounding they and the arithmetic share. See number_convert.h.
//
// mpz_ratio_to_double (correct rounding of A / B): with e = bits(A) - bits(B), the quotient lies
// in [2**(e-1), 2**(e+1)). We compute the integer quotient q = floor(A / (B * 2**k)) with
// k = max(e - 56, -1077), so q has at least 56 bits when the result is a normal double and its
// least significant bit is below 2**-1076 otherwise, plus a sticky bit (remainder != 0). The
// result's last representable bit has weight 2**L with L = max(top bit - 52, -1074) (the subnormal
// grid below 2**-1022); q is shifted right by L - k >= 3 bits and rounded half to even using the
// shifted-out bits and the sticky bit. The rounded integer has at most 53 bits, so converting it
// and scaling by 2**L is exact (or overflows, which the caller reports). One rounding, on the
// exact value: the same result as CPython's long_true_divide.
//
// round(x, n) for floats is exact too: x = M * 2**E, so x * 10**n is a ratio of two integers;
// it is rounded half to even to an integer Q, and Q / 10**n (or Q * 10**-n) is converted with
// the ratio rounding above. That equals CPython's dtoa-based result (round(2.675, 2) == 2.67,
// because the double 2.675 is slightly below 2.675).
//
// Thread safety: no shared state.
#include "core/object/number_convert.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "core/object/bool.h"
#include "core/object/class_type.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/int_mpz.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/text/format.h"
#include "core/text/int_text.h"
#include "core/text/parse_number.h"
#include "core/text/utf8.h"

namespace stitch {

namespace {

void load_int(mpz_ptr out, Object* int_object) {
  text::IntRef ref = int_value_ref(int_object);
  if (ref.is_small()) {
    text::mpz_set_int64(out, ref.small());
  } else {
    mpz_set(out, ref.big());
  }
}

Object* exact_int(Object* x) {
  if (type_of(x) == &int_type) return new_ref(x);
  text::IntRef ref = int_value_ref(x);
  return ref.is_small() ? int_from_int64(ref.small()) : int_from_mpz(ref.big());
}

Object* cannot_interpret_as_integer(Object* x) {
  return raise_error(&type_error_type,
                     std::string("'") + type_name(x) + "' object cannot be interpreted as an integer");
}

// operator.index(x): an exact int, or TypeError.
Object* index_of(Object* x) {
  if (is_int(x)) return exact_int(x);
  UnarySlot index = type_of(x)->number.index;
  if (index == nullptr) return cannot_interpret_as_integer(x);
  Object* result = index(x);
  if (result != nullptr && !is_int(result)) {
    std::string message = std::string("__index__ returned non-int (type ") + type_name(result) + ")";
    decref(result);
    return raise_error(&type_error_type, message);
  }
  return result;
}

// The repr of a str, for messages that quote it exactly as Python's repr does.
std::string repr_text(Object* str) {
  Ref repr = Ref::steal(object_repr(str));
  if (!repr) {
    clear_exception();
    return text::python_str_repr(str_view(str));
  }
  return std::string(str_view(repr.get()));
}

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

Object* int_from_text(Object* str, int base) {
  auto parsed = text::parse_int(str_view(str), base);
  if (!parsed) {
    const text::TextError& error = parsed.error();
    if (starts_with(error.message, "invalid literal")) {
      return raise_text_error(text::invalid_int_literal_error(base, repr_text(str)));
    }
    return raise_text_error(error);
  }
  text::IntRef value = parsed->ref();
  return value.is_small() ? int_from_int64(value.small()) : int_from_mpz(value.big());
}

// round(x) for a double: half to even, then to int.
Object* round_double_to_int(double x) {
  double rounded = std::round(x);  // half away from zero
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
  return int_from_double_truncated(rounded);
}

// Rounds numerator / denominator (both positive or numerator zero) half to even into `out`.
void divide_half_even(mpz_ptr out, mpz_srcptr numerator, mpz_srcptr denominator) {
  Mpz remainder;
  mpz_fdiv_qr(out, remainder.get(), numerator, denominator);
  mpz_mul_2exp(remainder.get(), remainder.get(), 1);
  int order = mpz_cmp(remainder.get(), denominator);
  if (order > 0 || (order == 0 && mpz_odd_p(out))) mpz_add_ui(out, out, 1);
}

constexpr std::int64_t kFloatRoundDigitsMax = 323;   // beyond: every double is unchanged
constexpr std::int64_t kFloatRoundDigitsMin = -308;  // below: every double rounds to zero

Object* round_float(double x, Object* ndigits) {
  text::IntRef digits_ref = int_value_ref(ndigits);
  std::int64_t digits = 0;
  bool fits = digits_ref.get_int64(digits);
  if (!std::isfinite(x) || x == 0.0) return float_from_double(x);
  if ((fits && digits > kFloatRoundDigitsMax) || (!fits && !digits_ref.is_negative())) {
    return float_from_double(x);
  }
  if ((fits && digits < kFloatRoundDigitsMin) || (!fits && digits_ref.is_negative())) {
    return float_from_double(std::copysign(0.0, x));
  }
  // |x| = mantissa * 2**exponent with an integral 53-bit mantissa.
  int exponent = 0;
  double fraction = std::frexp(std::fabs(x), &exponent);
  Mpz numerator, denominator, power_of_ten;
  mpz_set_d(numerator.get(), std::ldexp(fraction, 53));
  exponent -= 53;
  mpz_set_ui(denominator.get(), 1);
  if (exponent >= 0) {
    mpz_mul_2exp(numerator.get(), numerator.get(), static_cast<unsigned long>(exponent));
  } else {
    mpz_mul_2exp(denominator.get(), denominator.get(), static_cast<unsigned long>(-exponent));
  }
  mpz_ui_pow_ui(power_of_ten.get(), 10, static_cast<unsigned long>(digits >= 0 ? digits : -digits));
  if (digits >= 0) {
    mpz_mul(numerator.get(), numerator.get(), power_of_ten.get());
  } else {
    mpz_mul(denominator.get(), denominator.get(), power_of_ten.get());
  }
  Mpz rounded;
  divide_half_even(rounded.get(), numerator.get(), denominator.get());
  double result;
  bool finite;
  if (digits >= 0) {
    finite = mpz_ratio_to_double(rounded.get(), power_of_ten.get(), &result);
  } else {
    Mpz one;
    mpz_set_ui(one.get(), 1);
    mpz_mul(rounded.get(), rounded.get(), power_of_ten.get());
    finite = mpz_ratio_to_double(rounded.get(), one.get(), &result);
  }
  if (!finite) return raise_error(&overflow_error_type, "rounded value too large to represent");
  return float_from_double(std::copysign(result, x));
}

Object* round_int(Object* x, Object* ndigits) {
  text::IntRef digits_ref = int_value_ref(ndigits);
  if (!digits_ref.is_negative()) return exact_int(x);
  std::int64_t digits = 0;
  Mpz value;
  load_int(value.get(), x);
  // 10**k > 2 * |x| rounds to 0: true once k exceeds the decimal digit count of |x| (+1).
  std::size_t decimal_digits = mpz_sizeinbase(value.get(), 10);
  if (!digits_ref.get_int64(digits) || static_cast<std::uint64_t>(-(digits + 1)) + 1 > decimal_digits + 1) {
    return int_from_int64(0);
  }
  bool negative = mpz_sgn(value.get()) < 0;
  mpz_abs(value.get(), value.get());
  Mpz power_of_ten, rounded;
  mpz_ui_pow_ui(power_of_ten.get(), 10, static_cast<unsigned long>(-digits));
  divide_half_even(rounded.get(), value.get(), power_of_ten.get());
  mpz_mul(rounded.get(), rounded.get(), power_of_ten.get());
  if (negative) mpz_neg(rounded.get(), rounded.get());
  return int_from_mpz(rounded.get());
}

}  // namespace

Object* raise_text_error(const text::TextError& error) {
  TypeObject* type = error.kind == text::ErrorKind::kOverflowError ? &overflow_error_type : &value_error_type;
  return raise_error(type, error.message);
}

bool mpz_ratio_to_double(mpz_srcptr numerator, mpz_srcptr denominator, double* out) {
  bool negative = (mpz_sgn(numerator) < 0) != (mpz_sgn(denominator) < 0);
  if (mpz_sgn(numerator) == 0) {
    *out = negative ? -0.0 : 0.0;
    return true;
  }
  Mpz a, b, quotient, remainder;
  mpz_abs(a.get(), numerator);
  mpz_abs(b.get(), denominator);
  auto e = static_cast<std::int64_t>(mpz_sizeinbase(a.get(), 2)) -
           static_cast<std::int64_t>(mpz_sizeinbase(b.get(), 2));
  if (e > 1025) return false;  // >= 2**1024: not finite
  std::int64_t k = e - 56 > -1077 ? e - 56 : -1077;
  if (k >= 0) {
    mpz_mul_2exp(b.get(), b.get(), static_cast<unsigned long>(k));
  } else {
    mpz_mul_2exp(a.get(), a.get(), static_cast<unsigned long>(-k));
  }
  mpz_tdiv_qr(quotient.get(), remainder.get(), a.get(), b.get());
  bool sticky = mpz_sgn(remainder.get()) != 0;
  auto top_bit = static_cast<std::int64_t>(mpz_sizeinbase(quotient.get(), 2)) - 1 + k;
  if (mpz_sgn(quotient.get()) == 0) top_bit = k - 1;
  std::int64_t last_bit = top_bit - 52 > -1074 ? top_bit - 52 : -1074;
  auto shift = static_cast<unsigned long>(last_bit - k);  // >= 3 by the choice of k
  // Half-to-even on the bits shifted out (and the sticky remainder).
  bool round_bit = mpz_tstbit(quotient.get(), shift - 1) != 0;
  bool lower_bits = mpz_scan1(quotient.get(), 0) < shift - 1;
  mpz_fdiv_q_2exp(quotient.get(), quotient.get(), shift);
  if (round_bit && (lower_bits || sticky || mpz_odd_p(quotient.get()))) mpz_add_ui(quotient.get(), quotient.get(), 1);
  double magnitude = std::ldexp(mpz_get_d(quotient.get()), static_cast<int>(last_bit));  // exact or inf
  if (std::isinf(magnitude)) return false;
  *out = negative ? -magnitude : magnitude;
  return true;
}

Object* int_from_object(Object* x, Object* base_or_null) {
  if (base_or_null != nullptr) {
    Ref base_index = Ref::steal(index_of(base_or_null));
    if (!base_index) return nullptr;
    if (!is_str(x)) return raise_error(&type_error_type, "int() can't convert non-string with explicit base");
    std::int64_t base = 0;
    if (!int_value_ref(base_index.get()).get_int64(base) || (base != 0 && base < 2) || base > 36) {
      return raise_error(&value_error_type, "int() base must be >= 2 and <= 36, or 0");
    }
    return int_from_text(x, static_cast<int>(base));
  }
  if (is_int(x)) return exact_int(x);
  if (is_float(x)) return int_from_double_truncated(float_value(x));
  if (is_str(x)) return int_from_text(x, 10);
  TypeObject* type = type_of(x);
  if (type->number.to_int != nullptr) {
    Object* result = type->number.to_int(x);
    if (result != nullptr && !is_int(result)) {
      std::string message = std::string("__int__ returned non-int (type ") + type_name(result) + ")";
      decref(result);
      return raise_error(&type_error_type, message);
    }
    if (result == nullptr || type_of(result) == &int_type) return result;
    Object* exact = exact_int(result);
    decref(result);
    return exact;
  }
  if (type->number.index != nullptr) return index_of(x);
  return raise_error(&type_error_type,
                     std::string("int() argument must be a string, a bytes-like object or a real number, not '") +
                         type_name(x) + "'");
}

Object* float_from_object(Object* x) {
  if (type_of(x) == &float_type) return new_ref(x);
  if (is_float(x)) return float_from_double(float_value(x));
  if (is_int(x)) {
    double value;
    if (!int_as_double(x, &value)) return nullptr;
    return float_from_double(value);
  }
  if (is_str(x)) {
    auto parsed = text::parse_float(str_view(x));
    if (!parsed) return raise_text_error(text::invalid_float_literal_error(repr_text(x)));
    return float_from_double(*parsed);
  }
  TypeObject* type = type_of(x);
  if (type->number.to_float != nullptr) {
    Object* result = type->number.to_float(x);
    if (result != nullptr && !is_float(result)) {
      std::string message = std::string(type_name(x)) + ".__float__ returned non-float (type " +
                            type_name(result) + ")";
      decref(result);
      return raise_error(&type_error_type, message);
    }
    return result;
  }
  if (type->number.index != nullptr) {
    Ref index = Ref::steal(index_of(x));
    if (!index) return nullptr;
    return float_from_object(index.get());
  }
  return raise_error(&type_error_type,
                     std::string("float() argument must be a string or a real number, not '") + type_name(x) + "'");
}

Object* int_to_base_string(Object* x, int base) {
  Ref value = Ref::steal(index_of(x));
  if (!value) return nullptr;
  text::IntRef ref = int_value_ref(value.get());
  switch (base) {
    case 2: return str_from_utf8(text::int_to_bin(ref));
    case 8: return str_from_utf8(text::int_to_oct(ref));
    case 16: return str_from_utf8(text::int_to_hex(ref));
    default: return raise_error(&value_error_type, "int_to_base_string: base must be 2, 8 or 16");
  }
}

Object* number_format(Object* x, Object* spec) {
  if (!is_str(spec)) {
    return raise_error(&type_error_type, std::string("format() argument 2 must be str, not ") + type_name(spec));
  }
  if (is_int(x)) {
    auto text = text::format_int(int_value_ref(x), str_view(spec), type_name(x));
    if (!text) return raise_text_error(text.error());
    return str_from_utf8(*text);
  }
  if (is_float(x)) {
    auto text = text::format_float(float_value(x), str_view(spec), type_name(x));
    if (!text) return raise_text_error(text.error());
    return str_from_utf8(*text);
  }
  return raise_error(&type_error_type, std::string("unsupported format string passed to ") + type_name(x) +
                                           ".__format__");
}

Object* number_round(Object* x, Object* ndigits_or_null) {
  bool has_digits = ndigits_or_null != nullptr && !is_none(ndigits_or_null);
  if (type_has_flag(type_of(x), type_flags::kHeapType)) {
    bool found = false;
    Object* rounded = call_special_method(x, "__round__", &ndigits_or_null, ndigits_or_null != nullptr ? 1 : 0, &found);
    if (found || has_exception()) return rounded;
  }
  if (!is_int(x) && !is_float(x)) {
    return raise_error(&type_error_type, std::string("type ") + type_name(x) + " doesn't define __round__ method");
  }
  if (!has_digits) return is_int(x) ? exact_int(x) : round_double_to_int(float_value(x));
  Ref digits = Ref::steal(index_of(ndigits_or_null));
  if (!digits) return nullptr;
  if (is_int(x)) return round_int(x, digits.get());
  return round_float(float_value(x), digits.get());
}

}  // namespace stitch
