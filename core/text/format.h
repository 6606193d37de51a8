// format(value, spec) for int, float and str, exactly as CPython 3.11's __format__ methods.
//
// Each formatter validates what depends on the value's type (with CPython's messages, in CPython's
// order), converts the value to its digits (float_text.h, int_text.h) and lays them out in the
// field (number_field.h). The overloads taking spec text also handle CPython's shortcut for an
// empty spec (format(x, '') == str(x)).
//   ints:   b c d o x X n and none (= d); e E f F g G % convert to float first, as CPython does.
//   floats: e E f F g G n % and none (repr-like; with a precision, 'g' that keeps one digit after
//           the point: format(1.0, '.3') == '1.0', format(123.0, '.3') == '1.23e+02').
//   strs:   s and none; the precision truncates (in code points).
// 'n' uses the C locale: no grouping, '.' as the decimal point.
#pragma once

#include <string>
#include <string_view>

#include "core/text/format_spec.h"
#include "core/text/int_text.h"
#include "core/text/int_value.h"
#include "core/text/text_error.h"

namespace stitch::text {

/// format(int, spec). `type_name` is used in messages ("int", or "bool" for True/False).
Expected<std::string> format_int(IntRef value, const FormatSpec& spec, std::string_view type_name = "int",
                                 int64_t max_str_digits = kDefaultMaxStrDigits);
Expected<std::string> format_int(IntRef value, std::string_view spec, std::string_view type_name = "int",
                                 int64_t max_str_digits = kDefaultMaxStrDigits);

/// format(float, spec).
Expected<std::string> format_float(double value, const FormatSpec& spec, std::string_view type_name = "float");
Expected<std::string> format_float(double value, std::string_view spec, std::string_view type_name = "float");

/// format(str, spec); `text` is UTF-8.
Expected<std::string> format_str(std::string_view text, const FormatSpec& spec, std::string_view type_name = "str");
Expected<std::string> format_str(std::string_view text, std::string_view spec, std::string_view type_name = "str");

}  // namespace stitch::text
