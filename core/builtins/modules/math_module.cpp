// The math module's float functions and constants, with CPython 3.11's results and errors:
// a result that is NaN from a non-NaN argument is "math domain error" (ValueError); an infinite
// result from finite arguments is "math range error" (OverflowError) for the functions that can
// overflow (exp, cosh, …) and a domain error for the others (log(0), atanh(1)). gamma/lgamma
// are CPython's Lanczos code (math_gamma.cpp); fsum is Shewchuk's exact summation and
// hypot/dist CPython's correctly rounded vector norm, ported line by line so the last digit
// matches; FP contraction is off so no FMA changes a rounding.
#pragma clang fp contract(off)

#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "core/builtins/modules/math_support.h"
#include "core/builtins/modules/native_module.h"
#include "core/object/args.h"
#include "core/object/attributes.h"
#include "core/object/bool.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/number_convert.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::builtins {

namespace math_support {

bool to_double(Object* x, double* out) {
  if (is_float(x)) {
    *out = float_value(x);
    return true;
  }
  if (is_int(x)) return int_as_double(x, out);
  // PyFloat_AsDouble: __float__, then __index__.
  NumberSlots& number = type_of(x)->number;
  if (number.to_float != nullptr) {
    Ref converted = Ref::steal(number.to_float(x));
    if (!converted) return false;
    if (!is_float(converted.get())) {
      raise_error(&type_error_type, std::string(type_of(x)->name) + ".__float__ returned non-float (type " +
                                        type_of(converted.get())->name + ")");
      return false;
    }
    *out = float_value(converted.get());
    return true;
  }
  if (number.index != nullptr) {
    Ref converted = Ref::steal(number.index(x));
    return converted && to_double(converted.get(), out);
  }
  raise_error(&type_error_type, std::string("must be real number, not ") + type_of(x)->name);
  return false;
}

bool to_mpz(Object* x, mpz_ptr out) {
  if (!is_int(x)) {
    raise_error(&type_error_type, std::string("'") + type_of(x)->name + "' object cannot be interpreted as an integer");
    return false;
  }
  if (int_is_small(x)) {
    mpz_set_si(out, as_int(x)->small);
  } else {
    mpz_set(out, &as_int(x)->big);
  }
  return true;
}

Object* domain_error() { return raise_error(&value_error_type, "math domain error"); }
Object* range_error() { return raise_error(&overflow_error_type, "math range error"); }

}  // namespace math_support

namespace {

using math_support::domain_error;
using math_support::range_error;
using math_support::to_double;

bool one_argument(const char* name, std::size_t nargs, Object* kwnames) {
  return check_no_keywords(name, kwnames) && check_exactly_one_argument((std::string("math.") + name).c_str(), nargs);
}

bool two_arguments(const char* name, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(name, kwnames)) return false;
  if (nargs == 2) return true;
  raise_error(&type_error_type, std::string(name) + " expected 2 arguments, got " + std::to_string(nargs));
  return false;
}

// CPython's math_1: NaN out of non-NaN is a domain error; inf out of finite is a range error when
// the function can overflow, else a domain error.
Object* finish(double x, double result, bool can_overflow) {
  if (std::isnan(result) && !std::isnan(x)) return domain_error();
  if (std::isinf(result) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return float_from_double(result);
}

template <double (*Function)(double), bool CanOverflow>
Object* unary(const char* name, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0;
  if (!one_argument(name, nargs, kwnames) || !to_double(args[0], &x)) return nullptr;
  return finish(x, Function(x), CanOverflow);
}

#define STITCH_MATH_UNARY(name, function, can_overflow)                                       \
  Object* math_##name(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {     \
    return unary<static_cast<double (*)(double)>(function), can_overflow>(#name, args, nargs, kwnames); \
  }
STITCH_MATH_UNARY(sqrt, std::sqrt, false)
STITCH_MATH_UNARY(exp, std::exp, true)
STITCH_MATH_UNARY(exp2, std::exp2, true)
STITCH_MATH_UNARY(expm1, std::expm1, true)
STITCH_MATH_UNARY(log1p, std::log1p, false)
STITCH_MATH_UNARY(sin, std::sin, false)
STITCH_MATH_UNARY(cos, std::cos, false)
STITCH_MATH_UNARY(tan, std::tan, false)
STITCH_MATH_UNARY(asin, std::asin, false)
STITCH_MATH_UNARY(acos, std::acos, false)
STITCH_MATH_UNARY(atan, std::atan, false)
STITCH_MATH_UNARY(sinh, std::sinh, true)
STITCH_MATH_UNARY(cosh, std::cosh, true)
STITCH_MATH_UNARY(tanh, std::tanh, false)
STITCH_MATH_UNARY(asinh, std::asinh, false)
STITCH_MATH_UNARY(acosh, std::acosh, false)
STITCH_MATH_UNARY(atanh, std::atanh, false)
STITCH_MATH_UNARY(erf, std::erf, false)
STITCH_MATH_UNARY(erfc, std::erfc, false)
STITCH_MATH_UNARY(fabs, std::fabs, false)
STITCH_MATH_UNARY(cbrt, std::cbrt, false)
#undef STITCH_MATH_UNARY

double to_degrees(double x) { return x * (180.0 / M_PI); }
double to_radians(double x) { return x * (M_PI / 180.0); }
Object* math_degrees(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return unary<to_degrees, true>("degrees", args, nargs, kwnames);
}
Object* math_radians(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return unary<to_radians, false>("radians", args, nargs, kwnames);
}

// CPython's math_1 for gamma/lgamma: EDOM is a domain error; ERANGE an overflow unless the
// result underflowed (|r| < 1).
Object* gamma_result(math_support::GammaResult result) {
  if (result.error == math_support::GammaResult::kDomain) return domain_error();
  if (result.error == math_support::GammaResult::kRange && std::fabs(result.value) >= 1.0) return range_error();
  return float_from_double(result.value);
}

Object* math_gamma(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0;
  if (!one_argument("gamma", nargs, kwnames) || !to_double(args[0], &x)) return nullptr;
  return gamma_result(math_support::gamma_of(x));
}

Object* math_lgamma(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0;
  if (!one_argument("lgamma", nargs, kwnames) || !to_double(args[0], &x)) return nullptr;
  return gamma_result(math_support::log_gamma_of(x));
}

// log, log2, log10 of an int too large for a double: log(m * 2**e) = log(m) + e * log(2).
// Non-positive ints and floats are domain errors.
bool log_of(Object* x, double (*function)(double), double* out) {
  if (is_int(x)) {
    mpz_t value;
    mpz_init(value);
    math_support::to_mpz(x, value);
    int sign = mpz_sgn(value);
    if (sign <= 0) {
      mpz_clear(value);
      domain_error();
      return false;
    }
    long exponent = 0;
    double mantissa = mpz_get_d_2exp(&exponent, value);
    mpz_clear(value);
    double direct = 0;
    if (int_as_double(x, &direct)) {
      *out = function(direct);
    } else {
      clear_exception();
      *out = function(mantissa) + function(2.0) * static_cast<double>(exponent);
    }
    return true;
  }
  double value = 0;
  if (!to_double(x, &value)) return false;
  if (std::isnan(value) || (std::isinf(value) && value > 0)) {
    *out = value;
    return true;
  }
  if (value <= 0) {
    domain_error();
    return false;
  }
  *out = function(value);
  return true;
}

double natural_log(double x) { return std::log(x); }
double log_base_2(double x) { return std::log2(x); }
double log_base_10(double x) { return std::log10(x); }

Object* math_log(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("log", kwnames)) return nullptr;
  if (nargs < 1 || nargs > 2) return raise_error(&type_error_type, "math.log requires 1 to 2 arguments");
  double numerator = 0;
  if (!log_of(args[0], natural_log, &numerator)) return nullptr;
  if (nargs == 1) return float_from_double(numerator);
  double denominator = 0;
  if (!log_of(args[1], natural_log, &denominator)) return nullptr;
  if (denominator == 0) return raise_error(&zero_division_error_type, "float division by zero");
  return float_from_double(numerator / denominator);
}

Object* math_log2(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double result = 0;
  if (!one_argument("log2", nargs, kwnames) || !log_of(args[0], log_base_2, &result)) return nullptr;
  return float_from_double(result);
}

Object* math_log10(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double result = 0;
  if (!one_argument("log10", nargs, kwnames) || !log_of(args[0], log_base_10, &result)) return nullptr;
  return float_from_double(result);
}

Object* math_pow(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0, y = 0;
  if (!two_arguments("pow", nargs, kwnames) || !to_double(args[0], &x) || !to_double(args[1], &y)) return nullptr;
  double result = std::pow(x, y);
  if (!std::isfinite(x) || !std::isfinite(y)) return float_from_double(result);  // C99 Annex F
  if (std::isnan(result)) return domain_error();
  if (std::isinf(result)) return x == 0 ? domain_error() : range_error();
  return float_from_double(result);
}

Object* math_atan2(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double y = 0, x = 0;
  if (!two_arguments("atan2", nargs, kwnames) || !to_double(args[0], &y) || !to_double(args[1], &x)) return nullptr;
  return float_from_double(std::atan2(y, x));
}

Object* math_copysign(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0, y = 0;
  if (!two_arguments("copysign", nargs, kwnames) || !to_double(args[0], &x) || !to_double(args[1], &y)) return nullptr;
  return float_from_double(std::copysign(x, y));
}

Object* math_fmod(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0, y = 0;
  if (!two_arguments("fmod", nargs, kwnames) || !to_double(args[0], &x) || !to_double(args[1], &y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return float_from_double(x);
  double result = std::fmod(x, y);
  if (std::isnan(result) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return float_from_double(result);
}

Object* math_remainder(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0, y = 0;
  if (!two_arguments("remainder", nargs, kwnames) || !to_double(args[0], &x) || !to_double(args[1], &y)) return nullptr;
  if (std::isnan(x) || std::isnan(y)) return float_from_double(NAN);
  if (std::isinf(x) || y == 0) return domain_error();
  if (std::isinf(y)) return float_from_double(x);
  return float_from_double(std::remainder(x, y));
}

Object* math_nextafter(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0, y = 0;
  if (!two_arguments("nextafter", nargs, kwnames) || !to_double(args[0], &x) || !to_double(args[1], &y)) return nullptr;
  return float_from_double(std::nextafter(x, y));
}

Object* math_ulp(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0;
  if (!one_argument("ulp", nargs, kwnames) || !to_double(args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_from_double(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_from_double(x);
  double next = std::nextafter(x, INFINITY);
  if (std::isinf(next)) return float_from_double(x - std::nextafter(x, -INFINITY));
  return float_from_double(next - x);
}

double floor_of(double x);

// floor/ceil: an int comes back unchanged (as an exact int), a float is rounded to an int.
Object* round_to_int(const char* name, double (*round)(double), Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_argument(name, nargs, kwnames)) return nullptr;
  Object* x = args[0];
  if (is_int(x)) return int_from_object(x, nullptr);
  if (!is_float(x)) {  // a class's __floor__ / __ceil__ decides
    bool found = false;
    Object* result = call_special_method(x, round == floor_of ? "__floor__" : "__ceil__", nullptr, 0, &found);
    if (found || has_exception()) return result;
  }
  double value = 0;
  if (!to_double(x, &value)) return nullptr;
  return int_from_double_truncated(round(value));
}
double floor_of(double x) { return std::floor(x); }
double ceil_of(double x) { return std::ceil(x); }
Object* math_floor(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return round_to_int("floor", floor_of, args, nargs, kwnames);
}
Object* math_ceil(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return round_to_int("ceil", ceil_of, args, nargs, kwnames);
}
Object* math_trunc(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_argument("trunc", nargs, kwnames)) return nullptr;
  Object* x = args[0];
  if (is_int(x)) return int_from_object(x, nullptr);
  if (is_float(x)) return int_from_double_truncated(float_value(x));
  bool found = false;
  Object* result = call_special_method(x, "__trunc__", nullptr, 0, &found);
  if (found || has_exception()) return result;
  return raise_error(&type_error_type, std::string("type ") + type_of(x)->name + " doesn't define __trunc__ method");
}

Object* math_modf(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0;
  if (!one_argument("modf", nargs, kwnames) || !to_double(args[0], &x)) return nullptr;
  double integral = 0, fraction = 0;
  if (std::isinf(x)) {
    integral = x;
    fraction = std::copysign(0.0, x);
  } else {
    fraction = std::modf(x, &integral);
  }
  Ref first = Ref::steal(float_from_double(fraction));
  Ref second = Ref::steal(float_from_double(integral));
  if (!first || !second) return nullptr;
  return tuple_pack({first.get(), second.get()});
}

Object* math_frexp(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0;
  if (!one_argument("frexp", nargs, kwnames) || !to_double(args[0], &x)) return nullptr;
  int exponent = 0;
  double mantissa = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &exponent);
  Ref first = Ref::steal(float_from_double(mantissa));
  Ref second = Ref::steal(int_from_int64(exponent));
  if (!first || !second) return nullptr;
  return tuple_pack({first.get(), second.get()});
}

Object* math_ldexp(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0;
  if (!two_arguments("ldexp", nargs, kwnames) || !to_double(args[0], &x)) return nullptr;
  if (!is_int(args[1])) return raise_error(&type_error_type, "Expected an int as second argument to ldexp.");
  long exponent = 0;
  if (int_is_small(args[1])) {
    std::int64_t value = as_int(args[1])->small;
    exponent = value > 100000 ? 100000 : (value < -100000 ? -100000 : value);
  } else {
    exponent = mpz_sgn(&as_int(args[1])->big) > 0 ? 100000 : -100000;
  }
  if (x == 0 || !std::isfinite(x)) return float_from_double(x);
  double result = std::ldexp(x, static_cast<int>(exponent));
  if (std::isinf(result)) return range_error();
  return float_from_double(result);
}

template <bool (*Predicate)(double)>
Object* classify(const char* name, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x = 0;
  if (!one_argument(name, nargs, kwnames) || !to_double(args[0], &x)) return nullptr;
  return bool_from(Predicate(x));
}
bool is_nan(double x) { return std::isnan(x); }
bool is_inf(double x) { return std::isinf(x); }
bool is_finite(double x) { return std::isfinite(x); }
Object* math_isnan(Object*, Object* const* a, std::size_t n, Object* k) { return classify<is_nan>("isnan", a, n, k); }
Object* math_isinf(Object*, Object* const* a, std::size_t n, Object* k) { return classify<is_inf>("isinf", a, n, k); }
Object* math_isfinite(Object*, Object* const* a, std::size_t n, Object* k) { return classify<is_finite>("isfinite", a, n, k); }

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
Object* math_isclose(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double rel_tol = 1e-09, abs_tol = 0.0;
  std::int64_t keywords = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  if (nargs > 2) {
    return raise_error(&type_error_type, "isclose() takes exactly 2 positional arguments (" + std::to_string(nargs) + " given)");
  }
  Object* operands[2] = {nargs > 0 ? args[0] : nullptr, nargs > 1 ? args[1] : nullptr};
  for (std::int64_t i = 0; i < keywords; ++i) {
    std::string_view name = str_view(as_tuple(kwnames)->items[i]);
    Object* value = args[nargs + static_cast<std::size_t>(i)];
    if (name == "rel_tol" || name == "abs_tol") {
      if (!to_double(value, name == "rel_tol" ? &rel_tol : &abs_tol)) return nullptr;
    } else if (name == "a" || name == "b") {
      operands[name == "a" ? 0 : 1] = value;
    } else {
      return raise_error(&type_error_type, "isclose() got an unexpected keyword argument '" + std::string(name) + "'");
    }
  }
  for (int i = 0; i < 2; ++i) {
    if (operands[i] == nullptr) {
      return raise_error(&type_error_type, std::string("isclose() missing required argument '") + (i == 0 ? "a" : "b") +
                                               "' (pos " + std::to_string(i + 1) + ")");
    }
  }
  double a = 0, b = 0;
  if (!to_double(operands[0], &a) || !to_double(operands[1], &b)) return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise_error(&value_error_type, "tolerances must be non-negative");
  if (a == b) return bool_from(true);
  if (std::isinf(a) || std::isinf(b)) return bool_from(false);
  double diff = std::fabs(b - a);
  return bool_from((diff <= std::fabs(rel_tol * b)) || (diff <= std::fabs(rel_tol * a)) || (diff <= abs_tol));
}

// ---- fsum: Shewchuk's algorithm, as CPython's math_fsum ----

Object* math_fsum(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_argument("fsum", nargs, kwnames)) return nullptr;
  Ref iterator = Ref::steal(object_get_iter(args[0]));
  if (!iterator) return nullptr;
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  while (Object* raw = iter_next(iterator.get())) {
    Ref item = Ref::steal(raw);
    double x = 0;
    if (!to_double(item.get(), &x)) return nullptr;
    double saved = x;
    std::size_t kept = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double yr = hi - x;
      double lo = y - yr;
      if (lo != 0.0) partials[kept++] = lo;
      x = hi;
    }
    partials.resize(kept);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // Either an intermediate overflow or a nan/inf among the summands.
        if (std::isfinite(saved)) return raise_error(&overflow_error_type, "intermediate overflow in fsum");
        if (std::isinf(saved)) inf_sum += saved;
        special_sum += saved;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
  }
  if (has_exception()) return nullptr;
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise_error(&value_error_type, "-inf + inf in fsum");
    return float_from_double(special_sum);
  }
  double hi = 0.0;
  std::size_t n = partials.size();
  if (n > 0) {
    double lo = 0.0;
    hi = partials[--n];
    // Sum from the top, stopping when the sum becomes inexact.
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Half-even rounding across several partials (so that fsum is commutative).
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return float_from_double(hi);
}

// ---- hypot / dist: CPython 3.11's vector_norm ----

struct DoubleLength {
  double hi, lo;
};
DoubleLength exact_product(double x, double y) {
  double hi = x * y;
  return {hi, std::fma(x, y, -hi)};
}
DoubleLength exact_fast_sum(double a, double b) {
  double hi = a + b;
  return {hi, (a - hi) + b};
}

double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || vec.size() <= 1) return max;
  int max_e = 0;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    for (double& x : vec) x /= DBL_MIN;  // subnormals to normals
    return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : vec) {
    x *= scale;  // lossless scaling
    DoubleLength product = exact_product(x, x);
    DoubleLength sum = exact_fast_sum(csum, product.hi);
    csum = sum.hi;
    frac1 += product.lo;
    frac2 += sum.lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  DoubleLength product = exact_product(-h, h);
  DoubleLength sum = exact_fast_sum(csum, product.hi);
  csum = sum.hi;
  frac1 += product.lo;
  frac2 += sum.lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);  // differential correction
  return h / scale;
}

Object* norm_of(std::vector<double>& values) {
  double max = 0.0;
  bool found_nan = false;
  for (double& x : values) {
    x = std::fabs(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_from_double(vector_norm(values, max, found_nan));
}

Object* math_hypot(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("hypot", kwnames)) return nullptr;
  std::vector<double> values(nargs);
  for (std::size_t i = 0; i < nargs; ++i) {
    if (!to_double(args[i], &values[i])) return nullptr;
  }
  return norm_of(values);
}

bool coordinates(Object* point, std::vector<double>& out) {
  Ref items = Ref::steal(object_get_iter(point));
  if (!items) return false;
  while (Object* raw = iter_next(items.get())) {
    Ref item = Ref::steal(raw);
    double value = 0;
    if (!to_double(item.get(), &value)) return false;
    out.push_back(value);
  }
  return !has_exception();
}

Object* math_dist(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!two_arguments("dist", nargs, kwnames)) return nullptr;
  for (int i = 0; i < 2; ++i) {
    if (!is_tuple(args[i]) && type_of(args[i])->getitem == nullptr) {
      return raise_error(&type_error_type, std::string("dist() argument ") + std::to_string(i + 1) +
                                               " must be tuple, not " + type_of(args[i])->name);
    }
  }
  std::vector<double> p, q;
  if (!coordinates(args[0], p) || !coordinates(args[1], q)) return nullptr;
  if (p.size() != q.size()) return raise_error(&value_error_type, "both points must have the same number of dimensions");
  for (std::size_t i = 0; i < p.size(); ++i) p[i] -= q[i];
  return norm_of(p);
}

const MethodDef math_functions[] = {
    {"sqrt", math_sqrt, MethodDef::kStatic},       {"exp", math_exp, MethodDef::kStatic},
    {"exp2", math_exp2, MethodDef::kStatic},       {"expm1", math_expm1, MethodDef::kStatic},
    {"log", math_log, MethodDef::kStatic},         {"log2", math_log2, MethodDef::kStatic},
    {"log10", math_log10, MethodDef::kStatic},     {"log1p", math_log1p, MethodDef::kStatic},
    {"pow", math_pow, MethodDef::kStatic},         {"fabs", math_fabs, MethodDef::kStatic},
    {"floor", math_floor, MethodDef::kStatic},     {"ceil", math_ceil, MethodDef::kStatic},
    {"trunc", math_trunc, MethodDef::kStatic},     {"fmod", math_fmod, MethodDef::kStatic},
    {"modf", math_modf, MethodDef::kStatic},       {"frexp", math_frexp, MethodDef::kStatic},
    {"ldexp", math_ldexp, MethodDef::kStatic},     {"copysign", math_copysign, MethodDef::kStatic},
    {"isfinite", math_isfinite, MethodDef::kStatic}, {"isinf", math_isinf, MethodDef::kStatic},
    {"isnan", math_isnan, MethodDef::kStatic},     {"isclose", math_isclose, MethodDef::kStatic},
    {"hypot", math_hypot, MethodDef::kStatic},     {"dist", math_dist, MethodDef::kStatic},
    {"fsum", math_fsum, MethodDef::kStatic},       {"sin", math_sin, MethodDef::kStatic},
    {"cos", math_cos, MethodDef::kStatic},         {"tan", math_tan, MethodDef::kStatic},
    {"asin", math_asin, MethodDef::kStatic},       {"acos", math_acos, MethodDef::kStatic},
    {"atan", math_atan, MethodDef::kStatic},       {"atan2", math_atan2, MethodDef::kStatic},
    {"sinh", math_sinh, MethodDef::kStatic},       {"cosh", math_cosh, MethodDef::kStatic},
    {"tanh", math_tanh, MethodDef::kStatic},       {"asinh", math_asinh, MethodDef::kStatic},
    {"acosh", math_acosh, MethodDef::kStatic},     {"atanh", math_atanh, MethodDef::kStatic},
    {"degrees", math_degrees, MethodDef::kStatic}, {"radians", math_radians, MethodDef::kStatic},
    {"erf", math_erf, MethodDef::kStatic},         {"erfc", math_erfc, MethodDef::kStatic},
    {"gamma", math_gamma, MethodDef::kStatic},     {"lgamma", math_lgamma, MethodDef::kStatic},
    {"remainder", math_remainder, MethodDef::kStatic}, {"nextafter", math_nextafter, MethodDef::kStatic},
    {"ulp", math_ulp, MethodDef::kStatic},         {"cbrt", math_cbrt, MethodDef::kStatic},
    {nullptr, nullptr},
};

}  // namespace

int init_math_module(Object* module, Object*) {
  if (add_module_functions(module, math_functions, "math") < 0 ||
      add_module_functions(module, math_support::math_integer_functions, "math") < 0 ||
      add_module_value(module, "pi", float_from_double(M_PI)) < 0 ||
      add_module_value(module, "e", float_from_double(M_E)) < 0 ||
      add_module_value(module, "tau", float_from_double(2 * M_PI)) < 0 ||
      add_module_value(module, "inf", float_from_double(INFINITY)) < 0 ||
      add_module_value(module, "nan", float_from_double(NAN)) < 0) {
    return -1;
  }
  return 0;
}

}  // namespace stitch::builtins
