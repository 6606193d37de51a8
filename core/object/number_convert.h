// Conversions between numbers and other objects, with Python 3.11's semantics and messages:
// int(x), int(s, base), float(x), hex/oct/bin, format(number, spec) and round(x[, n]); plus the
// exact integer <-> double helpers that int and float arithmetic share.
//
// Exactness: every int -> float step rounds once, half to even, on the exact value (a ratio of two
// integers is divided with enough extra quotient bits and a sticky bit, then rounded by hand at
// the right binary place, subnormals included), so 10**400 / 10**399 == 10.0 and
// round(2.675, 2) == 2.67 as in CPython. No global state: every function is thread-safe.
#pragma once

#include <gmp.h>

#include "core/object/object.h"
#include "core/text/int_value.h"
#include "core/text/text_error.h"

namespace stitch {

/// int(x) (base_or_null == nullptr) or int(x, base). Returns an exact int.
Object* int_from_object(Object* x, Object* base_or_null);
/// float(x). Returns a float (exact type).
Object* float_from_object(Object* x);
/// hex(x) / oct(x) / bin(x) for base 16 / 8 / 2; x must be an int.
Object* int_to_base_string(Object* x, int base);
/// format(x, spec) for an int or a float; spec is a str.
Object* number_format(Object* x, Object* spec);
/// round(x) / round(x, ndigits) for ints and floats (ndigits_or_null may be nullptr or None).
Object* number_round(Object* x, Object* ndigits_or_null);

// ---- helpers shared by the numbers area (int_arith.cpp, float.cpp) ----

/// A view of an int object's value for the text library and GMP.
text::IntRef int_value_ref(const Object* int_object);
/// float(int): false with OverflowError "int too large to convert to float" when not finite.
bool int_as_double(Object* int_object, double* out);
/// The correctly rounded value of numerator / denominator (denominator != 0). Returns false when
/// the rounded magnitude is not finite (the caller chooses the OverflowError message).
bool mpz_ratio_to_double(mpz_srcptr numerator, mpz_srcptr denominator, double* out);
/// Raises the Python exception a text-library error stands for; returns nullptr.
Object* raise_text_error(const text::TextError& error);

/// Fills int_type's and bool_type's number slots (int_arith.cpp).
void init_int_number_slots();
/// int's and float's methods and properties (number_methods.cpp).
void init_number_methods();

}  // namespace stitch
