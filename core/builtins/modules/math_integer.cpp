// math's integer functions, exact on ints of any size (GMP): factorial, gcd, lcm, comb, perm,
// isqrt, and prod (generic multiplication).
#include <string>

#include "core/builtins/modules/math_support.h"
#include "core/object/args.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/operators.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::builtins::math_support {

namespace {

// RAII for an mpz_t.
class Mpz {
 public:
  Mpz() { mpz_init(value_); }
  ~Mpz() { mpz_clear(value_); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  mpz_ptr get() { return value_; }
  operator mpz_ptr() { return value_; }

 private:
  mpz_t value_;
};

Object* factorial(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("factorial", kwnames) || !check_exactly_one_argument("math.factorial", nargs)) return nullptr;
  Mpz n;
  if (!to_mpz(args[0], n)) return nullptr;
  if (mpz_sgn(n.get()) < 0) return raise_error(&value_error_type, "factorial() not defined for negative values");
  if (!mpz_fits_slong_p(n)) {
    return raise_error(&overflow_error_type, "factorial() argument should not exceed 9223372036854775807");
  }
  Mpz result;
  mpz_fac_ui(result, mpz_get_ui(n));
  return int_from_mpz(result);
}

Object* gcd_or_lcm(bool is_lcm, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(is_lcm ? "lcm" : "gcd", kwnames)) return nullptr;
  Mpz result;
  mpz_set_ui(result, is_lcm ? 1 : 0);
  Mpz value;
  for (std::size_t i = 0; i < nargs; ++i) {
    if (!to_mpz(args[i], value)) return nullptr;
    if (is_lcm) {
      mpz_lcm(result, result, value);
    } else {
      mpz_gcd(result, result, value);
    }
  }
  return int_from_mpz(result);
}
Object* gcd(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return gcd_or_lcm(false, args, nargs, kwnames);
}
Object* lcm(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return gcd_or_lcm(true, args, nargs, kwnames);
}

// comb(n, k) / perm(n, k=None) share their argument checks.
bool combinatoric_arguments(const char* name, Object* const* args, std::size_t nargs, Object* kwnames,
                            std::size_t min, mpz_ptr n, mpz_ptr k, bool* has_k) {
  if (!check_no_keywords(name, kwnames)) return false;
  if (nargs < min || nargs > 2) {
    std::string expected = min == 2 ? "2 arguments" : (nargs < min ? "at least 1 argument" : "at most 2 arguments");
    raise_error(&type_error_type, std::string(name) + " expected " + expected + ", got " + std::to_string(nargs));
    return false;
  }
  if (!to_mpz(args[0], n)) return false;
  *has_k = nargs == 2 && args[1] != nullptr;
  if (*has_k && !to_mpz(args[1], k)) return false;
  if (mpz_sgn(n) < 0) {
    raise_error(&value_error_type, "n must be a non-negative integer");
    return false;
  }
  if (*has_k && mpz_sgn(k) < 0) {
    raise_error(&value_error_type, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Object* comb(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Mpz n, k, result;
  bool has_k = false;
  if (!combinatoric_arguments("comb", args, nargs, kwnames, 2, n, k, &has_k)) return nullptr;
  if (mpz_cmp(k, n) > 0) return int_from_int64(0);
  Mpz n_minus_k;
  mpz_sub(n_minus_k, n, k);
  if (mpz_cmp(n_minus_k, k) < 0) mpz_set(k, n_minus_k);
  if (!mpz_fits_ulong_p(k)) return raise_error(&overflow_error_type, "min(n - k, k) must not exceed 9223372036854775807");
  mpz_bin_ui(result, n, mpz_get_ui(k));
  return int_from_mpz(result);
}

Object* perm(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Mpz n, k, result;
  bool has_k = false;
  if (nargs == 1 && kwnames == nullptr) {
    // perm(n) == factorial(n), with factorial's message for negative n.
    if (!to_mpz(args[0], n)) return nullptr;
    if (mpz_sgn(n.get()) < 0) return raise_error(&value_error_type, "factorial() not defined for negative values");
  }
  if (!combinatoric_arguments("perm", args, nargs, kwnames, 1, n, k, &has_k)) return nullptr;
  if (!has_k) mpz_set(k, n);
  if (mpz_cmp(k, n) > 0) return int_from_int64(0);
  if (!mpz_fits_ulong_p(k)) return raise_error(&overflow_error_type, "k must not exceed 9223372036854775807");
  mpz_set_ui(result, 1);
  Mpz factor;
  mpz_set(factor, n);
  for (unsigned long i = 0, count = mpz_get_ui(k); i < count; ++i) {
    mpz_mul(result, result, factor);
    mpz_sub_ui(factor, factor, 1);
  }
  return int_from_mpz(result);
}

Object* isqrt(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("isqrt", kwnames) || !check_exactly_one_argument("math.isqrt", nargs)) return nullptr;
  Mpz n;
  if (!to_mpz(args[0], n)) return nullptr;
  if (mpz_sgn(n.get()) < 0) return raise_error(&value_error_type, "isqrt() argument must be nonnegative");
  mpz_sqrt(n, n);
  return int_from_mpz(n);
}

// prod(iterable, /, *, start=1)
Object* prod(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* start = nullptr;
  std::int64_t keywords = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  for (std::int64_t i = 0; i < keywords; ++i) {
    std::string_view name = str_view(as_tuple(kwnames)->items[i]);
    if (name != "start") {
      return raise_error(&type_error_type, "prod() got an unexpected keyword argument '" + std::string(name) + "'");
    }
    start = args[nargs + static_cast<std::size_t>(i)];
  }
  if (nargs != 1) {
    return raise_error(&type_error_type, nargs == 0 ? "prod() missing required argument 'iterable' (pos 1)"
                                                    : "prod() takes exactly 1 positional argument (" + std::to_string(nargs) + " given)");
  }
  Ref total = start != nullptr ? Ref::borrow(start) : Ref::steal(int_from_int64(1));
  Ref iterator = Ref::steal(object_get_iter(args[0]));
  if (!iterator) return nullptr;
  while (Object* item = iter_next(iterator.get())) {
    Ref value = Ref::steal(item);
    total = Ref::steal(binary_op(total.get(), value.get(), BinaryOp::kMultiply));
    if (!total) return nullptr;
  }
  if (has_exception()) return nullptr;
  return total.release();
}

}  // namespace

const MethodDef math_integer_functions[] = {
    {"factorial", factorial, MethodDef::kStatic},
    {"gcd", gcd, MethodDef::kStatic},
    {"lcm", lcm, MethodDef::kStatic},
    {"comb", comb, MethodDef::kStatic},
    {"perm", perm, MethodDef::kStatic},
    {"isqrt", isqrt, MethodDef::kStatic},
    {"prod", prod, MethodDef::kStatic},
    {nullptr, nullptr},
};

}  // namespace stitch::builtins::math_support
