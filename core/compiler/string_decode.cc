#include "core/compiler/string_decode.h"

#include "core/compiler/unicode.h"

namespace stitch::compiler {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_ascii(char c) { return static_cast<unsigned char>(c) < 0x80; }

std::string unicode_error(long start, long end, std::string_view reason) {
  std::string message = "(unicode error) 'unicodeescape' codec can't decode ";
  if (end - start == 1) {
    message += "byte 0x5c in position " + std::to_string(start);
  } else {
    message += "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1);
  }
  message += ": ";
  message += reason;
  return message;
}

// Width of a character in the buffer CPython decodes (non-ASCII characters become \Uhhhhhhhh).
long escaped_width(std::string_view body, size_t index) { return is_ascii(body[index]) ? 1 : 10; }

}  // namespace

StringDecodeResult decode_string_literal(std::string_view body, bool raw) {
  StringDecodeResult result;
  if (raw) {
    result.value = std::string(body);
    return result;
  }
  result.value.reserve(body.size());
  std::string& out = result.value;
  size_t i = 0;
  long position = 0;  // in CPython's rewritten buffer
  auto fail = [&](long start, long end, std::string_view reason) {
    result.error = unicode_error(start, end, reason);
    return result;
  };
  while (i < body.size()) {
    char c = body[i];
    if (c != '\\') {
      size_t length = 1;
      if (!is_ascii(c)) decode_utf8_at(body, i, length);
      out.append(body.substr(i, length));
      position += escaped_width(body, i);
      i += length;
      continue;
    }
    long start = position;
    if (i + 1 >= body.size() || !is_ascii(body[i + 1])) {
      // CPython rewrites such a backslash to "\u005c": a literal backslash.
      out.push_back('\\');
      position += 6;
      i += 1;
      continue;
    }
    char escape = body[i + 1];
    i += 2;
    position += 2;
    switch (escape) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        char32_t value = static_cast<char32_t>(escape - '0');
        for (int digits = 1; digits < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++digits) {
          value = value * 8 + static_cast<char32_t>(body[i] - '0');
          i += 1;
          position += 1;
        }
        append_utf8(out, value);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        int count = escape == 'x' ? 2 : escape == 'u' ? 4 : 8;
        const char* reason = escape == 'x'   ? "truncated \\xXX escape"
                             : escape == 'u' ? "truncated \\uXXXX escape"
                                             : "truncated \\UXXXXXXXX escape";
        char32_t value = 0;
        for (int k = 0; k < count; ++k) {
          if (i >= body.size()) return fail(start, position, reason);
          int digit = hex_value(body[i]);
          if (digit < 0) return fail(start, position, reason);
          value = value * 16 + static_cast<char32_t>(digit);
          i += 1;
          position += 1;
        }
        if (value > 0x10FFFF) return fail(start, position, "illegal Unicode character");
        append_utf8(out, value);
        break;
      }
      case 'N': {
        const char* reason = "malformed \\N character escape";
        if (i >= body.size() || body[i] != '{') return fail(start, position, reason);
        i += 1;
        position += 1;
        size_t name_begin = i;
        while (i < body.size() && body[i] != '}') {
          position += escaped_width(body, i);
          i += 1;
        }
        if (i >= body.size() || i == name_begin) return fail(start, position, reason);
        i += 1;
        position += 1;
        result.uses_named_escape = true;
        out.append(body.substr(name_begin - 3, i - name_begin + 3));  // keep "\N{name}" as text
        break;
      }
      default:
        // Invalid escape: CPython keeps the backslash (with a DeprecationWarning).
        out.push_back('\\');
        out.push_back(escape);
        break;
    }
  }
  return result;
}

StringDecodeResult decode_bytes_literal(std::string_view body, bool raw) {
  StringDecodeResult result;
  for (char c : body) {
    if (!is_ascii(c)) {
      result.error = "bytes can only contain ASCII literal characters";
      return result;
    }
  }
  if (raw) {
    result.value = std::string(body);
    return result;
  }
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      result.value.push_back(body[i]);
      continue;
    }
    size_t backslash = i;
    char escape = body[++i];
    switch (escape) {
      case '\n': break;
      case 'x': {
        int high = i + 1 < body.size() ? hex_value(body[i + 1]) : -1;
        int low = i + 2 < body.size() ? hex_value(body[i + 2]) : -1;
        if (high < 0 || low < 0) {
          result.error = "(value error) invalid \\x escape at position " + std::to_string(backslash);
          return result;
        }
        result.value.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        break;
      }
      case 'n': result.value.push_back('\n'); break;
      case 't': result.value.push_back('\t'); break;
      case 'r': result.value.push_back('\r'); break;
      case '\\': case '\'': case '"': result.value.push_back(escape); break;
      default:
        result.value.push_back('\\');
        result.value.push_back(escape);
        break;
    }
  }
  return result;
}

}  // namespace stitch::compiler
