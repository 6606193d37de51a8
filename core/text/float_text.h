// Doubles to text with CPython's rules (the equivalent of PyOS_double_to_string), and repr.
//
// Algorithm: std::to_chars produces correctly rounded decimal digits (shortest round-trip digits
// when no precision is given, otherwise exactly `n` significant digits or `n` fraction digits,
// rounding the exact binary value half-to-even, as David Gay's dtoa does for CPython). We take the
// digit string and the decimal point position `decimal_point` (value = 0.DIGITS * 10**decimal_point)
// from it and lay the digits out ourselves by Python's rules:
//   'r' (repr): exponent form when decimal_point <= -4 or > 16, i.e. 1e-05 and 1e+16;
//   'g': precision p (0 means 1) significant digits, trailing zeros dropped unless alternate;
//        exponent form when decimal_point <= -4 or > p (> p-1 with kAddDotZero);
//   'e': p digits after the point, always an exponent; 'f': p digits after the point.
// Exponents have a sign and at least two digits. kAddDotZero appends ".0" to an integral result
// without exponent (repr(1.0) == '1.0'). The result is "-" + text for negative values (including
// -0.0, unless kNoNegativeZero and the digits are all zero); nan never has a sign. Upper-case
// codes (E F G) give E, INF, NAN.
#pragma once

#include <string>

namespace stitch::text {

enum FloatTextFlags : unsigned {
  kFloatNoFlags = 0,
  kFloatAlternate = 1u << 0,       // '#': keep trailing zeros and the decimal point
  kFloatAddDotZero = 1u << 1,      // integral results without exponent end in ".0"
  kFloatNoNegativeZero = 1u << 2,  // 'z': a result that rounds to zero loses its '-'
};

/// CPython's PyOS_double_to_string for `code` in "eEfFgGr" ('r' ignores `precision`).
/// Precondition: 0 <= precision <= INT_MAX (callers validate, as CPython does).
std::string double_to_text(double value, char code, int precision, unsigned flags);

/// repr(float) and str(float) in Python 3: shortest round-trip digits, e.g. 1.0, 0.1, 1e+16,
/// 1e-05, 123456789012345.0, -0.0, inf, -inf, nan.
std::string float_repr(double value);

}  // namespace stitch::text
