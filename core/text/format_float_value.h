// Internal to the formatters: format(float) after the type code has been validated. format_int
// uses it for ints formatted with e E f F g G % (converted to float first, as CPython does).
#pragma once

#include <string>

#include "core/text/format_spec.h"
#include "core/text/text_error.h"

namespace stitch::text {

Expected<std::string> format_float_value(double value, const FormatSpec& spec);

}  // namespace stitch::text
