// Shared pieces of the math module (math_module.cpp: float functions; math_integer.cpp: integer
// functions): argument conversion with CPython's messages and the domain/range error rules.
#pragma once

#include <gmp.h>

#include <cstddef>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch::builtins::math_support {

/// x as a double: float, int (OverflowError "int too large to convert to float") or TypeError
/// "must be real number, not str". False on error.
bool to_double(Object* x, double* out);
/// x as an exact integer (GMP, initialized by the caller): only ints (and bools); else TypeError
/// "'float' object cannot be interpreted as an integer". False on error.
bool to_mpz(Object* x, mpz_ptr out);
/// "math domain error" (ValueError) / "math range error" (OverflowError). Return nullptr.
Object* domain_error();
Object* range_error();

extern const MethodDef math_integer_functions[];

/// CPython's gamma / lgamma (math_gamma.cpp): the value and what errno CPython would set.
struct GammaResult {
  double value;
  enum Error { kOk, kDomain, kRange } error;
};
GammaResult gamma_of(double x);
GammaResult log_gamma_of(double x);

}  // namespace stitch::builtins::math_support
