// float: a boxed IEEE-754 double, immutable.
//
// repr/str are the shortest round-trip digits laid out by Python's rules (core/text), hashes are
// Python's numeric hash (so 1.0 and 1 collide), nan hashes by identity as in CPython 3.11.
// Comparisons with ints are exact (2**53 + 1 != float(2**53 + 1)). Arithmetic slots accept a float
// or an int on either side (an int converts with correct rounding, OverflowError when too large)
// and return NotImplemented for anything else.
//
// Deliberate difference from CPython: a negative float raised to a non-integral power gives a
// complex number in Python; Stitch has no complex type and raises
// ValueError("negative number cannot be raised to a fractional power") (Python 2's wording).
#pragma once

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct FloatObject : Object {
  double value;
};

extern TypeObject float_type;

inline bool is_float(const Object* object) {
  return type_has_flag(type_of(object), type_flags::kFloatSubclass);
}
inline double float_value(Object* object) { return static_cast<FloatObject*>(object)->value; }

Object* float_from_double(double value);

/// base ** exponent with Python's float rules (special values, ZeroDivisionError for 0.0 to a
/// negative power, OverflowError (34, 'Numerical result out of range')). int ** negative int uses it.
Object* float_power_values(double base, double exponent);

/// int(x) for a double: truncation toward zero; OverflowError "cannot convert float infinity to
/// integer", ValueError "cannot convert float NaN to integer".
Object* int_from_double_truncated(double value);

void init_float_type();

}  // namespace stitch
