// repr(str) as CPython writes it: quotes chosen by content, \t \n \r and the other ASCII
// controls escaped, and every non-printable code point (str.isprintable() false: controls,
// separators other than space, format characters, unassigned, surrogates) escaped as \xhh,
// \uhhhh or \Uhhhhhhhh. Printable non-ASCII characters stay as they are.
#include <cstdio>
#include <string>

#include "core/object/str.h"
#include "core/text/utf8.h"
#include "core/unicode/char_database.h"
#include "core/unicode/utf8.h"

namespace stitch {

namespace {

void append_escape(std::string& out, char32_t c) {
  char escape[16];
  if (c <= 0xFF) std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned>(c));
  else if (c <= 0xFFFF) std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
  else std::snprintf(escape, sizeof escape, "\\U%08x", static_cast<unsigned>(c));
  out += escape;
}

std::string non_ascii_repr(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back(quote);
  for (std::size_t position = 0; position < text.size();) {
    unicode::DecodedCodePoint decoded = unicode::decode_next(text, position);
    char32_t c = decoded.code_point;
    if (c < 0x80) {
      // The ASCII rules are text::python_str_repr's; reuse them one character at a time.
      std::string one = text::python_str_repr(text.substr(position, 1));
      if (c == static_cast<char32_t>(quote)) out += '\\';
      if (c == '\'' || c == '"') out.push_back(static_cast<char>(c));
      else out.append(one, 1, one.size() - 2);
    } else if (c != unicode::kInvalidCodePoint && unicode::is_printable(c)) {
      out.append(text.substr(position, decoded.length));
    } else {
      append_escape(out, c == unicode::kInvalidCodePoint ? static_cast<unsigned char>(text[position]) : c);
    }
    position += decoded.length;
  }
  out.push_back(quote);
  return out;
}

}  // namespace

Object* str_repr(Object* object) {
  std::string_view text = str_view(object);
  if (as_str(object)->is_ascii) return str_from_utf8(text::python_str_repr(text));
  return str_from_utf8(non_ascii_repr(text));
}

}  // namespace stitch
