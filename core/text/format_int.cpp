// format(int, spec): validation, then digits in the requested base laid out in the field.
#include <cctype>

#include "core/text/format.h"
#include "core/text/format_float_value.h"
#include "core/text/number_field.h"
#include "core/text/utf8.h"

namespace stitch::text {

namespace {

Expected<std::string> format_int_as_character(IntRef value, const FormatSpec& spec) {
  if (spec.sign != '\0') return value_error("Sign not allowed with integer format specifier 'c'");
  if (spec.alternate) return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
  // CPython converts to a C long first, so a huge int fails with the C long message.
  int64_t code_point = 0;
  if (!value.get_int64(code_point)) return overflow_error("Python int too large to convert to C long");
  if (code_point < 0 || code_point > 0x10FFFF) return overflow_error("%c arg not in range(0x110000)");
  std::string character;
  utf8_append(character, static_cast<char32_t>(code_point));
  NumberParts parts;
  parts.remainder = character;  // one code point, never grouped or zero-extended
  return render_number_field(parts, spec, {});
}

}  // namespace

Expected<std::string> format_int(IntRef value, const FormatSpec& spec, std::string_view type_name,
                                 int64_t max_str_digits) {
  int base = 10;
  const char* prefix = "";
  switch (spec.type) {
    case 'b':
      base = 2, prefix = "0b";
      break;
    case 'o':
      base = 8, prefix = "0o";
      break;
    case 'x':
      base = 16, prefix = "0x";
      break;
    case 'X':
      base = 16, prefix = "0X";
      break;
    case 'c':
    case 'd':
    case 'n':
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      Expected<double> as_double = int_to_double(value);
      if (!as_double) return as_double.error();
      return format_float_value(*as_double, spec);
    }
    default:
      return unknown_format_code_error(spec.type, type_name);
  }
  if (spec.precision != -1) return value_error("Precision not allowed in integer format specifier");
  if (spec.no_negative_zero) {
    return value_error("Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (spec.type == 'c') return format_int_as_character(value, spec);

  std::string digits;
  if (base == 10) {
    Expected<std::string> decimal = int_to_decimal(value, max_str_digits);
    if (!decimal) return decimal.error();
    digits = std::move(*decimal);
    if (!digits.empty() && digits[0] == '-') digits.erase(0, 1);
  } else {
    digits = magnitude_digits(value, base);
    if (spec.type == 'X') {
      for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  NumberParts parts;
  parts.negative = value.is_negative();
  parts.prefix = spec.alternate ? prefix : "";
  parts.digits = digits;
  DigitGrouping grouping = spec.type == 'n' ? DigitGrouping{} : digit_grouping_of(spec.grouping);
  return render_number_field(parts, spec, grouping);
}

Expected<std::string> format_int(IntRef value, std::string_view spec, std::string_view type_name,
                                 int64_t max_str_digits) {
  if (spec.empty()) return int_to_decimal(value, max_str_digits);
  Expected<FormatSpec> parsed = parse_format_spec(spec, FormatSubject::kInt, type_name);
  if (!parsed) return parsed.error();
  return format_int(value, *parsed, type_name, max_str_digits);
}

}  // namespace stitch::text
