// Integers to text: str(), bin(), oct(), hex(), and the int -> float conversion format() needs.
//
// Digits come from std::to_chars for int64 and from mpz_get_str for GMP values; the sign goes
// before the prefix (hex(-255) == '-0xff'). Python 3.11 refuses to convert an int of more than
// sys.get_int_max_str_digits() (default 4300) decimal digits to or from text, to bound the
// quadratic cost; callers pass the interpreter's limit (0 = no limit). Power-of-two bases have no
// limit, as in CPython.
#pragma once

#include <cstdint>
#include <string>

#include "core/text/int_value.h"
#include "core/text/text_error.h"

namespace stitch::text {

inline constexpr int64_t kDefaultMaxStrDigits = 4300;  // sys.int_info.default_max_str_digits

/// Lower-case digits of |value| in `base` (2..36), no sign, no prefix.
std::string magnitude_digits(IntRef value, int base);

/// str(int): decimal text; ValueError when it has more than `max_str_digits` digits (0: no limit).
Expected<std::string> int_to_decimal(IntRef value, int64_t max_str_digits = kDefaultMaxStrDigits);
/// The message CPython gives when str(int) exceeds the limit.
TextError int_to_decimal_limit_error(int64_t max_str_digits);

std::string int_to_bin(IntRef value);  // bin(): '-0b101'
std::string int_to_oct(IntRef value);  // oct(): '0o17'
std::string int_to_hex(IntRef value);  // hex(): '-0xff'

/// float(int): correctly rounded (half to even); OverflowError "int too large to convert to
/// float" when the result would not be finite.
Expected<double> int_to_double(IntRef value);

}  // namespace stitch::text
