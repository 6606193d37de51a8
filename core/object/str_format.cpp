// format(value, spec), str.format and `str % args` (see str_format.h for the design).
//
// str.format's parser mirrors CPython's unicode_format.h step by step, because its error messages
// depend on which step notices the problem: the literal scanner reports single braces, the field
// scanner finds the end of the field name (skipping [...] groups), the conversion, and the spec
// up to the matching '}' (counting nested braces), and the field-name parser splits "0.a[1]".
// Stateless; nothing is shared between threads.
#include "core/object/str_format.h"

#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "core/object/args.h"
#include "core/object/attributes.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/class_type.h"
#include "core/object/exceptions.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/str_builder.h"
#include "core/object/tuple.h"
#include "core/text/format.h"
#include "core/text/int_text.h"
#include "core/text/percent_format.h"
#include "core/unicode/utf8.h"

namespace stitch {

namespace {

text::IntRef int_ref_of(Object* value) {
  IntObject* number = as_int(value);
  if (int_is_small(value)) return text::IntRef(number->small);
  return text::IntRef(static_cast<mpz_srcptr>(&number->big));
}

template <class T>
Object* text_result(const text::Expected<T>& result) {
  if (result) return str_from_utf8(*result);
  const text::TextError& error = result.error();
  return raise_error(
      error.kind == text::ErrorKind::kOverflowError ? &overflow_error_type : &value_error_type,
      error.message);
}

Object* format_error(const char* message) { return raise_error(&value_error_type, message); }

// ---- str.format ----

struct FormatArguments {
  Object* const* positional;
  std::size_t count;
  Object* const* keyword_values;
  Object* kwnames;      // tuple or nullptr
  int auto_number = 0;  // 0: undecided, 1: automatic, 2: manual (CPython's ANS_* states)
  std::int64_t next_index = 0;
};

Object* keyword_argument(FormatArguments& arguments, std::string_view name) {
  if (arguments.kwnames != nullptr) {
    TupleObject* names = as_tuple(arguments.kwnames);
    for (std::int64_t i = 0; i < names->size; ++i) {
      if (str_view(names->items[i]) == name) return new_ref(arguments.keyword_values[i]);
    }
  }
  Ref key = Ref::steal(str_from_utf8(name));
  if (!key) return nullptr;
  return raise_error_with_value(&key_error_type, key.get());
}

// Parses a decimal field index; -1 if `text` is not all digits (then it is a keyword).
std::int64_t parse_field_index(std::string_view text, bool& too_large) {
  too_large = false;
  if (text.empty()) return -1;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    if (value > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10) {
      too_large = true;
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

Object* positional_argument(FormatArguments& arguments, std::int64_t index, bool automatic) {
  if (automatic) {
    if (arguments.auto_number == 2) {
      return format_error(
          "cannot switch from manual field specification to automatic field numbering");
    }
    arguments.auto_number = 1;
    index = arguments.next_index++;
  } else {
    if (arguments.auto_number == 1) {
      return format_error(
          "cannot switch from automatic field numbering to manual field specification");
    }
    arguments.auto_number = 2;
  }
  if (index >= static_cast<std::int64_t>(arguments.count)) {
    return raise_error(&index_error_type, "Replacement index " + std::to_string(index) +
                                              " out of range for positional args tuple");
  }
  return new_ref(arguments.positional[index]);
}

// Resolves "first.attr[key]..." to an object (CPython's get_field_object).
Object* resolve_field(FormatArguments& arguments, std::string_view name) {
  std::size_t first_end = name.find_first_of(".[");
  if (first_end == std::string_view::npos) first_end = name.size();
  std::string_view first = name.substr(0, first_end);
  bool too_large = false;
  std::int64_t index = parse_field_index(first, too_large);
  if (too_large) return format_error("Too many decimal digits in format string");
  Ref object;
  if (first.empty()) {
    object = Ref::steal(positional_argument(arguments, 0, true));
  } else if (index >= 0) {
    object = Ref::steal(positional_argument(arguments, index, false));
  } else {
    object = Ref::steal(keyword_argument(arguments, first));
  }
  if (!object) return nullptr;
  std::size_t position = first_end;
  while (position < name.size()) {
    char kind = name[position++];
    if (kind == '.') {
      std::size_t end = name.find_first_of(".[", position);
      if (end == std::string_view::npos) end = name.size();
      if (end == position) return format_error("Empty attribute in format string");
      Ref attribute_name = Ref::steal(str_from_utf8(name.substr(position, end - position)));
      if (!attribute_name) return nullptr;
      object = Ref::steal(object_getattr(object.get(), attribute_name.get()));
      position = end;
    } else if (kind == '[') {
      std::size_t end = name.find(']', position);
      if (end == std::string_view::npos) return format_error("Missing ']' in format string");
      if (end == position) return format_error("Empty attribute in format string");
      std::string_view key_text = name.substr(position, end - position);
      std::int64_t key_index = parse_field_index(key_text, too_large);
      Ref key = Ref::steal(key_index >= 0 ? int_from_int64(key_index) : str_from_utf8(key_text));
      if (!key) return nullptr;
      TypeObject* type = type_of(object.get());
      if (type->getitem == nullptr) {
        return raise_error(&type_error_type,
                           std::string("'") + type->name + "' object is not subscriptable");
      }
      object = Ref::steal(type->getitem(object.get(), key.get()));
      position = end + 1;
      if (position < name.size() && name[position] != '.' && name[position] != '[') {
        return format_error("Only '.' or '[' may follow ']' in format field specifier");
      }
    } else {
      return format_error("Only '.' or '[' may follow ']' in format field specifier");
    }
    if (!object) return nullptr;
  }
  return object.release();
}

bool expand_format(std::string_view format, FormatArguments& arguments, int depth, StrBuilder& out);

// One replacement field "{name!conversion:spec}", already split by expand_format.
bool render_field(std::string_view name, char conversion, std::string_view spec,
                  bool spec_has_fields, FormatArguments& arguments, int depth, StrBuilder& out) {
  Ref value = Ref::steal(resolve_field(arguments, name));
  if (!value) return false;
  if (conversion != '\0') {
    switch (conversion) {
      case 'r': value = Ref::steal(object_repr(value.get())); break;
      case 's': value = Ref::steal(object_str(value.get())); break;
      case 'a': value = Ref::steal(object_ascii(value.get())); break;
      default: {
        std::string message = "Unknown conversion specifier ";
        auto byte = static_cast<unsigned char>(conversion);
        if (byte >= 0x20 && byte < 0x7F) {
          message += conversion;
        } else {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%x", byte);
          message += hex;
        }
        format_error(message.c_str());
        return false;
      }
    }
    if (!value) return false;
  }
  std::string expanded_spec;
  if (spec_has_fields) {
    StrBuilder nested;
    if (!expand_format(spec, arguments, depth - 1, nested)) return false;
    expanded_spec = std::move(nested.text());
    spec = expanded_spec;
  }
  Ref formatted = Ref::steal(format_object(value.get(), spec));
  if (!formatted) return false;
  out.append(str_view(formatted.get()));
  return true;
}

bool expand_format(std::string_view format, FormatArguments& arguments, int depth,
                   StrBuilder& out) {
  if (depth <= 0) {
    format_error("Max string recursion exceeded");
    return false;
  }
  std::size_t position = 0;
  const std::size_t end = format.size();
  while (position < end) {
    char c = format[position];
    if (c == '}') {
      if (position + 1 < end && format[position + 1] == '}') {
        out.append_byte('}');
        position += 2;
        continue;
      }
      format_error("Single '}' encountered in format string");
      return false;
    }
    if (c != '{') {
      std::size_t next = format.find_first_of("{}", position);
      if (next == std::string_view::npos) next = end;
      out.append(format.substr(position, next - position));
      position = next;
      continue;
    }
    if (position + 1 >= end) {
      format_error("Single '{' encountered in format string");
      return false;
    }
    if (format[position + 1] == '{') {
      out.append_byte('{');
      position += 2;
      continue;
    }
    // A field: the name runs to '}', ':' or '!' (a [...] group is skipped whole).
    ++position;
    std::size_t name_start = position;
    char stop = '\0';
    while (position < end) {
      c = format[position++];
      if (c == '{') {
        format_error("unexpected '{' in field name");
        return false;
      }
      if (c == '[') {
        while (position < end && format[position] != ']') ++position;
        continue;
      }
      if (c == '}' || c == ':' || c == '!') {
        stop = c;
        break;
      }
    }
    if (stop == '\0') {
      format_error("expected '}' before end of string");
      return false;
    }
    std::string_view name = format.substr(name_start, position - 1 - name_start);
    char conversion = '\0';
    std::string_view spec;
    bool spec_has_fields = false;
    if (stop == '!' || stop == ':') {
      bool closed = false;
      if (stop == '!') {
        if (position >= end) {
          format_error("end of string while looking for conversion specifier");
          return false;
        }
        conversion = format[position++];
        if (position < end) {
          c = format[position++];
          if (c == '}')
            closed = true;
          else if (c != ':') {
            format_error("expected ':' after conversion specifier");
            return false;
          }
        }
      }
      if (!closed) {
        std::size_t spec_start = position;
        int count = 1;
        while (position < end) {
          c = format[position++];
          if (c == '{') {
            spec_has_fields = true;
            ++count;
          } else if (c == '}' && --count == 0) {
            break;
          }
        }
        if (count != 0) {
          format_error("unmatched '{' in format spec");
          return false;
        }
        spec = format.substr(spec_start, position - 1 - spec_start);
      }
    }
    if (!render_field(name, conversion, spec, spec_has_fields, arguments, depth, out)) return false;
  }
  return true;
}

// ---- printf-style ----

struct PercentArguments {
  Object* single;      // the non-tuple argument, or nullptr
  TupleObject* tuple;  // the tuple argument, or nullptr
  Object* mapping;     // for %(key)s, or nullptr
  std::int64_t count;
  std::int64_t next = 0;
};

Object* next_percent_argument(PercentArguments& arguments) {
  if (arguments.next >= arguments.count) {
    return raise_error(&type_error_type, "not enough arguments for format string");
  }
  std::int64_t index = arguments.next++;
  return new_ref(arguments.tuple != nullptr ? arguments.tuple->items[index] : arguments.single);
}

bool format_one_percent(const text::PercentSpec& spec, Object* value, StrBuilder& out) {
  char conversion = spec.conversion;
  switch (conversion) {
    case 's':
    case 'r':
    case 'a': {
      Ref text = Ref::steal(conversion == 's'   ? object_str(value)
                            : conversion == 'r' ? object_repr(value)
                                                : object_ascii(value));
      if (!text) return false;
      out.append(text::percent_format_str(str_view(text.get()), spec));
      return true;
    }
    case 'c': {
      if (is_int(value)) {
        auto result = text::percent_format_char(int_ref_of(value), spec);
        if (!result) {
          raise_error(&overflow_error_type, result.error().message);
          return false;
        }
        out.append(*result);
        return true;
      }
      if (is_str(value) && as_str(value)->length == 1) {
        out.append(text::percent_format_char(str_view(value), spec));
        return true;
      }
      raise_error(&type_error_type, "%c requires int or char");
      return false;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      Ref number;
      if (is_int(value)) {
        number = Ref::borrow(value);
      } else if (is_float(value)) {
        if (conversion == 'o' || conversion == 'x' || conversion == 'X') {
          raise_error(&type_error_type, std::string("%") + conversion +
                                            " format: an integer is required, not " +
                                            type_name(value));
          return false;
        }
        number = Ref::steal(int_from_double_truncated(float_value(value)));
        if (!number) return false;
      } else {
        bool integer_only = conversion == 'o' || conversion == 'x' || conversion == 'X';
        raise_error(&type_error_type, std::string("%") + conversion + " format: " +
                                          (integer_only ? "an integer" : "a real number") +
                                          " is required, not " + type_name(value));
        return false;
      }
      auto result = text::percent_format_int(int_ref_of(number.get()), spec);
      if (!result) {
        raise_error(&value_error_type, result.error().message);
        return false;
      }
      out.append(*result);
      return true;
    }
    default: {  // e E f F g G
      double number = 0;
      if (is_float(value)) {
        number = float_value(value);
      } else if (is_int(value)) {
        auto converted = text::int_to_double(int_ref_of(value));
        if (!converted) {
          raise_error(&overflow_error_type, converted.error().message);
          return false;
        }
        number = *converted;
      } else {
        raise_error(&type_error_type, std::string("must be real number, not ") + type_name(value));
        return false;
      }
      out.append(text::percent_format_float(number, spec));
      return true;
    }
  }
}

// Reads a '*' argument (width or precision).
bool star_argument(PercentArguments& arguments, std::int64_t& out) {
  Ref value = Ref::steal(next_percent_argument(arguments));
  if (!value) return false;
  if (!is_int(value.get())) {
    raise_error(&type_error_type, "* wants int");
    return false;
  }
  if (!int_is_small(value.get())) {
    raise_error(&overflow_error_type, "Python int too large to convert to C ssize_t");
    return false;
  }
  out = as_int(value.get())->small;
  return true;
}

}  // namespace

Object* format_object(Object* value, std::string_view spec) {
  TypeObject* type = type_of(value);
  if (type_has_flag(type, type_flags::kHeapType)) {
    Ref spec_object = Ref::steal(str_from_utf8(spec));
    if (!spec_object) return nullptr;
    bool handled = false;
    Object* result = class_instance_format(value, spec_object.get(), &handled);
    if (handled) {
      if (result != nullptr && !is_str(result)) {
        std::string message = std::string("__format__ must return a str, not ") + type_of(result)->name;
        decref(result);
        return raise_error(&type_error_type, message);
      }
      return result;
    }
  }
  if (spec.empty()) return object_str(value);
  if (is_str(value)) return text_result(text::format_str(str_view(value), spec, type->name));
  if (is_int(value)) return text_result(text::format_int(int_ref_of(value), spec, type->name));
  if (is_float(value)) return text_result(text::format_float(float_value(value), spec, type->name));
  return raise_error(&type_error_type, std::string("unsupported format string passed to ") +
                                           type->name + ".__format__");
}

Object* object_ascii(Object* value) {
  Ref repr = Ref::steal(object_repr(value));
  if (!repr) return nullptr;
  if (as_str(repr.get())->is_ascii) return repr.release();
  std::string_view text = str_view(repr.get());
  std::string out;
  for (std::size_t position = 0; position < text.size();) {
    unicode::DecodedCodePoint decoded = unicode::decode_next(text, position);
    position += decoded.length;
    char32_t c = decoded.code_point;
    char escape[16];
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (c <= 0xFF)
      std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned>(c));
    else if (c <= 0xFFFF)
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
    else
      std::snprintf(escape, sizeof escape, "\\U%08x", static_cast<unsigned>(c));
    out += escape;
  }
  return str_from_utf8(out);
}

Object* str_format(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  FormatArguments arguments{args, nargs, args + nargs, kwnames};
  StrBuilder out;
  if (!expand_format(str_view(self), arguments, 2, out)) return nullptr;
  return out.finish();
}

Object* str_remainder(Object* left, Object* right) {
  if (!is_str(left)) return new_ref(not_implemented());
  return str_percent_format(left, right);
}

Object* str_percent_format(Object* format, Object* args) {
  PercentArguments arguments{};
  if (is_tuple(args)) {
    arguments.tuple = as_tuple(args);
    arguments.count = arguments.tuple->size;
  } else {
    arguments.single = args;
    arguments.count = 1;
  }
  // CPython: a mapping argument (anything subscriptable that is not a tuple or str) serves %(key).
  if (!is_tuple(args) && !is_str(args) && type_of(args)->getitem != nullptr)
    arguments.mapping = args;
  std::string_view text = str_view(format);
  StrBuilder out;
  std::size_t position = 0;
  const std::size_t end = text.size();
  while (position < end) {
    std::size_t percent = text.find('%', position);
    if (percent == std::string_view::npos) percent = end;
    out.append(text.substr(position, percent - position));
    if (percent == end) break;
    position = percent + 1;
    auto incomplete = [] { return raise_error(&value_error_type, "incomplete format"); };
    if (position >= end) return incomplete();
    Ref keyed_value;
    if (text[position] == '(') {
      if (arguments.mapping == nullptr)
        return raise_error(&type_error_type, "format requires a mapping");
      int depth = 1;
      std::size_t key_start = ++position;
      while (position < end && depth > 0) {
        if (text[position] == '(')
          ++depth;
        else if (text[position] == ')')
          --depth;
        ++position;
      }
      if (depth > 0) return raise_error(&value_error_type, "incomplete format key");
      Ref key = Ref::steal(str_from_utf8(text.substr(key_start, position - 1 - key_start)));
      if (!key) return nullptr;
      keyed_value = Ref::steal(type_of(arguments.mapping)->getitem(arguments.mapping, key.get()));
      if (!keyed_value) return nullptr;
      // As CPython: after a keyed conversion, positional conversions have no argument left
      // ("%(a)s %s" % d raises "not enough arguments for format string").
      arguments.tuple = nullptr;
      arguments.single = nullptr;
      arguments.count = 0;
      arguments.next = 0;
    }
    text::PercentSpec spec;
    for (; position < end; ++position) {
      char flag = text[position];
      if (flag == '-')
        spec.flags |= text::kPercentLeftAdjust;
      else if (flag == '+')
        spec.flags |= text::kPercentSign;
      else if (flag == ' ')
        spec.flags |= text::kPercentBlank;
      else if (flag == '#')
        spec.flags |= text::kPercentAlternate;
      else if (flag == '0')
        spec.flags |= text::kPercentZeroPad;
      else
        break;
    }
    if (position < end && text[position] == '*') {
      ++position;
      if (!star_argument(arguments, spec.width)) return nullptr;
      if (spec.width < 0) {
        spec.flags |= text::kPercentLeftAdjust;
        spec.width = -spec.width;
      }
    } else {
      while (position < end && text[position] >= '0' && text[position] <= '9') {
        spec.width = (spec.width < 0 ? 0 : spec.width) * 10 + (text[position++] - '0');
        if (spec.width > std::numeric_limits<std::int32_t>::max()) {
          return raise_error(&value_error_type, "width too big");
        }
      }
    }
    if (position < end && text[position] == '.') {
      ++position;
      spec.precision = 0;
      if (position < end && text[position] == '*') {
        ++position;
        if (!star_argument(arguments, spec.precision)) return nullptr;
        if (spec.precision < 0) spec.precision = 0;
      } else {
        while (position < end && text[position] >= '0' && text[position] <= '9') {
          spec.precision = spec.precision * 10 + (text[position++] - '0');
          if (spec.precision > std::numeric_limits<std::int32_t>::max()) {
            return raise_error(&value_error_type, "precision too big");
          }
        }
      }
    }
    // C length modifiers are accepted and ignored ('%ld' % 5 == '5').
    while (position < end &&
           (text[position] == 'h' || text[position] == 'l' || text[position] == 'L')) {
      ++position;
    }
    if (position >= end) return incomplete();
    std::size_t conversion_index = position;
    unicode::DecodedCodePoint conversion = unicode::decode_next(text, position);
    position += conversion.length;
    if (conversion.code_point == '%') {
      out.append_byte('%');
      continue;
    }
    static constexpr std::string_view kConversions = "diuoxXeEfFgGsrac";
    if (conversion.code_point >= 0x80 ||
        kConversions.find(static_cast<char>(conversion.code_point)) == std::string_view::npos) {
      std::string shown;
      unicode::encode_utf8(conversion.code_point, shown);
      char hex[16];
      std::snprintf(hex, sizeof hex, "%x", static_cast<unsigned>(conversion.code_point));
      std::int64_t index =
          static_cast<std::int64_t>(unicode::count_code_points(text.substr(0, conversion_index)));
      return raise_error(&value_error_type, "unsupported format character '" + shown + "' (0x" +
                                                hex + ") at index " + std::to_string(index));
    }
    spec.conversion = static_cast<char>(conversion.code_point);
    Ref value = keyed_value ? std::move(keyed_value) : Ref::steal(next_percent_argument(arguments));
    if (!value) return nullptr;
    if (!format_one_percent(spec, value.get(), out)) return nullptr;
  }
  if (arguments.mapping == nullptr && arguments.next < arguments.count) {
    return raise_error(&type_error_type, "not all arguments converted during string formatting");
  }
  return out.finish();
}

}  // namespace stitch
