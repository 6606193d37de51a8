#include "core/text/format_spec.h"

#include <cstdio>

#include "core/text/utf8.h"

namespace stitch::text {
namespace {

bool is_alignment(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign(char c) { return c == '+' || c == '-' || c == ' '; }

// CPython prints printable ASCII codes as themselves and anything else as \x<hex>.
std::string describe_code(char32_t code) {
  if (code > 32 && code < 128) return std::string(1, static_cast<char>(code));
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\x%x", static_cast<unsigned>(code));
  return buffer;
}

// Reads decimal digits at `pos`. Returns the number of digits read, or -1 on overflow of
// PY_SSIZE_T_MAX (int64 max), as CPython's get_integer.
int64_t read_integer(std::string_view spec, size_t& pos, int64_t& out) {
  int64_t value = 0;
  int64_t digits = 0;
  while (pos < spec.size() && spec[pos] >= '0' && spec[pos] <= '9') {
    int digit = spec[pos] - '0';
    if (value > (INT64_MAX - digit) / 10) return -1;
    value = value * 10 + digit;
    ++pos;
    ++digits;
  }
  out = value;
  return digits;
}

}  // namespace

std::string_view default_type_name(FormatSubject subject) {
  switch (subject) {
    case FormatSubject::kInt:
      return "int";
    case FormatSubject::kFloat:
      return "float";
    case FormatSubject::kStr:
      break;
  }
  return "str";
}

TextError unknown_format_code_error(char32_t type, std::string_view type_name) {
  return value_error("Unknown format code '" + describe_code(type) + "' for object of type '" +
                     std::string(type_name) + "'");
}

Expected<FormatSpec> parse_format_spec(std::string_view spec, FormatSubject subject, std::string_view type_name) {
  if (type_name.empty()) type_name = default_type_name(subject);
  FormatSpec format;
  char default_align = subject == FormatSubject::kStr ? '<' : '>';
  format.align = default_align;
  format.type = subject == FormatSubject::kInt ? U'd' : subject == FormatSubject::kStr ? U's' : U'\0';

  size_t pos = 0;
  bool fill_given = false;
  // [[fill]align]: the fill is one code point, recognised only when an alignment follows it.
  size_t first_length = spec.empty() ? 0 : utf8_sequence_length(static_cast<unsigned char>(spec[0]));
  if (spec.size() > first_length && is_alignment(spec[first_length])) {
    format.fill.assign(spec.substr(0, first_length));
    format.align = spec[first_length];
    fill_given = format.align_given = true;
    pos = first_length + 1;
  } else if (!spec.empty() && is_alignment(spec[0])) {
    format.align = spec[0];
    format.align_given = true;
    pos = 1;
  }
  if (pos < spec.size() && is_sign(spec[pos])) format.sign = spec[pos++];
  if (pos < spec.size() && spec[pos] == 'z') {
    format.no_negative_zero = true;
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == '#') {
    format.alternate = true;
    ++pos;
  }
  if (!fill_given && pos < spec.size() && spec[pos] == '0') {
    format.fill = "0";
    if (!format.align_given && default_align == '>') format.align = '=';
    ++pos;
  }
  int64_t consumed = read_integer(spec, pos, format.width);
  if (consumed < 0) return value_error("Too many decimal digits in format string");
  if (consumed == 0) format.width = -1;

  if (pos < spec.size() && spec[pos] == ',') {
    format.grouping = Grouping::kComma;
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == '_') {
    if (format.grouping != Grouping::kNone) return value_error("Cannot specify both ',' and '_'.");
    format.grouping = Grouping::kUnderscore;
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == ',' && format.grouping == Grouping::kUnderscore) {
    return value_error("Cannot specify both ',' and '_'.");
  }

  if (pos < spec.size() && spec[pos] == '.') {
    ++pos;
    consumed = read_integer(spec, pos, format.precision);
    if (consumed < 0) return value_error("Too many decimal digits in format string");
    if (consumed == 0) return value_error("Format specifier missing precision");
  }

  std::string_view rest = spec.substr(pos);
  size_t rest_code_points = utf8_code_point_count(rest);
  if (rest_code_points > 1) {
    return value_error("Invalid format specifier '" + std::string(spec) + "' for object of type '" +
                       std::string(type_name) + "'");
  }
  if (rest_code_points == 1) format.type = utf8_first_code_point(rest);

  if (format.grouping != Grouping::kNone) {
    switch (format.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
        break;  // PEP 378
      case 'b': case 'o': case 'x': case 'X':
        if (format.grouping == Grouping::kUnderscore) {  // PEP 515: every four digits
          format.grouping = Grouping::kUnderscoreEveryFour;
          break;
        }
        [[fallthrough]];
      default:
        return value_error(std::string("Cannot specify '") + (format.grouping == Grouping::kComma ? "," : "_") +
                           "' with '" + describe_code(format.type) + "'.");
    }
  }
  return format;
}

}  // namespace stitch::text
