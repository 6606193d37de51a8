#include "core/text/utf8.h"

namespace stitch::text {

size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;  // ASCII, or a stray continuation byte counted on its own
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

size_t utf8_code_point_count(std::string_view text) {
  size_t count = 0;
  for (unsigned char byte : text) count += (byte & 0xC0) != 0x80;
  return count;
}

std::string_view utf8_prefix(std::string_view text, size_t count) {
  size_t pos = 0;
  while (count > 0 && pos < text.size()) {
    pos += utf8_sequence_length(static_cast<unsigned char>(text[pos]));
    --count;
  }
  return text.substr(0, pos < text.size() ? pos : text.size());
}

char32_t utf8_first_code_point(std::string_view text) {
  auto byte = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[i])); };
  size_t length = utf8_sequence_length(static_cast<unsigned char>(text[0]));
  if (length > text.size()) length = 1;
  switch (length) {
    case 2:
      return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3:
      return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    case 4:
      return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
             (byte(3) & 0x3F);
    default:
      return byte(0);
  }
}

void utf8_append(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool is_unicode_space(char32_t cp) {
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

}  // namespace

size_t leading_space_length(std::string_view text) {
  if (text.empty()) return 0;
  if (is_ascii_space(text[0])) return 1;
  auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return 0;
  size_t length = utf8_sequence_length(lead);
  if (length > text.size()) return 0;
  return is_unicode_space(utf8_first_code_point(text)) ? length : 0;
}

size_t trailing_space_length(std::string_view text) {
  if (text.empty()) return 0;
  if (is_ascii_space(text.back())) return 1;
  if (static_cast<unsigned char>(text.back()) < 0x80) return 0;
  size_t start = text.size();
  while (start > 0 && (static_cast<unsigned char>(text[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return 0;
  --start;  // the lead byte
  std::string_view last = text.substr(start);
  if (utf8_sequence_length(static_cast<unsigned char>(last[0])) != last.size()) return 0;
  return is_unicode_space(utf8_first_code_point(last)) ? last.size() : 0;
}

std::string_view strip_spaces(std::string_view text) {
  while (size_t n = leading_space_length(text)) text.remove_prefix(n);
  while (size_t n = trailing_space_length(text)) text.remove_suffix(n);
  return text;
}

std::string python_str_repr(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back(quote);
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += "\\x";
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    } else {
      out.push_back(c);
    }
  }
  out.push_back(quote);
  return out;
}

}  // namespace stitch::text
