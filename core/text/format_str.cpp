// format(str, spec): truncation by the precision, then padding (no sign, '#', 'z' or '=').
#include "core/text/format.h"
#include "core/text/number_field.h"
#include "core/text/utf8.h"

namespace stitch::text {

Expected<std::string> format_str(std::string_view text, const FormatSpec& spec, std::string_view type_name) {
  if (spec.type != 's') return unknown_format_code_error(spec.type, type_name);
  if (spec.sign == ' ') return value_error("Space not allowed in string format specifier");
  if (spec.sign != '\0') return value_error("Sign not allowed in string format specifier");
  if (spec.no_negative_zero) {
    return value_error("Negative zero coercion (z) not allowed in string format specifier");
  }
  if (spec.alternate) return value_error("Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') return value_error("'=' alignment not allowed in string format specifier");

  auto length = static_cast<int64_t>(utf8_code_point_count(text));
  if (spec.precision >= 0 && length > spec.precision) {
    text = utf8_prefix(text, static_cast<size_t>(spec.precision));
    length = spec.precision;
  }
  int64_t padding = spec.width > length ? spec.width - length : 0;
  int64_t left = spec.align == '>' ? padding : spec.align == '^' ? padding / 2 : 0;
  std::string out;
  out.reserve(text.size() + static_cast<size_t>(padding) * spec.fill.size());
  append_fill(out, spec.fill, left);
  out += text;
  append_fill(out, spec.fill, padding - left);
  return out;
}

Expected<std::string> format_str(std::string_view text, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) return std::string(text);
  Expected<FormatSpec> parsed = parse_format_spec(spec, FormatSubject::kStr, type_name);
  if (!parsed) return parsed.error();
  return format_str(text, *parsed, type_name);
}

}  // namespace stitch::text
