// format(float, spec): the type code picks double_to_text's mode, then the field layout.
#include <climits>

#include "core/text/float_text.h"
#include "core/text/format.h"
#include "core/text/format_float_value.h"
#include "core/text/number_field.h"

namespace stitch::text {

Expected<std::string> format_float_value(double value, const FormatSpec& spec) {
  if (spec.precision > INT_MAX) return value_error("precision too big");
  unsigned flags = kFloatNoFlags;
  if (spec.alternate) flags |= kFloatAlternate;
  if (spec.no_negative_zero) flags |= kFloatNoNegativeZero;

  char code = static_cast<char>(spec.type);
  int default_precision = 6;
  if (code == '\0') {  // like repr, or like 'g' keeping a digit after the point when a precision is given
    flags |= kFloatAddDotZero;
    code = 'r';
    default_precision = 0;
  }
  if (code == 'n') code = 'g';
  bool percent = code == '%';
  if (percent) {
    code = 'f';
    value *= 100;
  }
  int precision = default_precision;
  if (spec.precision >= 0) {
    precision = static_cast<int>(spec.precision);
    if (code == 'r') code = 'g';
  }
  std::string text = double_to_text(value, code, precision, flags);
  if (percent) text.push_back('%');

  bool plain = spec.sign != '+' && spec.sign != ' ' && spec.width == -1 && spec.type != 'n' &&
               spec.grouping == Grouping::kNone;
  if (plain) return text;
  DigitGrouping grouping = spec.type == 'n' ? DigitGrouping{} : digit_grouping_of(spec.grouping);
  return render_number_field(split_number_text(text), spec, grouping);
}

Expected<std::string> format_float(double value, const FormatSpec& spec, std::string_view type_name) {
  switch (spec.type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_float_value(value, spec);
    default:
      return unknown_format_code_error(spec.type, type_name);
  }
}

Expected<std::string> format_float(double value, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) return float_repr(value);
  Expected<FormatSpec> parsed = parse_format_spec(spec, FormatSubject::kFloat, type_name);
  if (!parsed) return parsed.error();
  return format_float(value, *parsed, type_name);
}

}  // namespace stitch::text
