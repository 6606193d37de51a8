// String-level case conversions (string_case.h), mirroring CPython 3.11's do_upper, do_lower,
// do_title, do_capitalize, do_swapcase and do_casefold.
//
// Each function has two paths. All-ASCII text (checked 8 bytes at a time) is converted byte by
// byte with no table lookups: ASCII has no expanding mappings, no sigma and its only cased
// characters are letters. Other text is walked code point by code point; ASCII code points inside
// it still skip the tables. Unchanged code points are copied as their original bytes, which also
// passes invalid bytes through untouched.
//
// The final-sigma rule needs context on both sides of U+03A3. The left side is tracked while
// walking forward (FinalSigmaContext: whether the nearest preceding non-case-ignorable code point
// is cased); the right side is scanned only when a capital sigma is met, and the scan stops at
// the first non-case-ignorable code point, so total work stays linear.
#include "core/unicode/string_case.h"

#include "core/unicode/char_database.h"
#include "core/unicode/utf8.h"

namespace stitch::unicode {
namespace {

constexpr char32_t kCapitalSigma = 0x03A3;
constexpr char32_t kSmallSigma = 0x03C3;
constexpr char32_t kFinalSmallSigma = 0x03C2;

using CaseMapping = int (*)(char32_t, char32_t[kMaxCaseMappingLength]);

bool is_ascii_lower(char byte) { return byte >= 'a' && byte <= 'z'; }
bool is_ascii_upper(char byte) { return byte >= 'A' && byte <= 'Z'; }
char ascii_to_upper(char byte) { return is_ascii_lower(byte) ? static_cast<char>(byte - 32) : byte; }
char ascii_to_lower(char byte) { return is_ascii_upper(byte) ? static_cast<char>(byte + 32) : byte; }
bool is_ascii_letter(char byte) { return is_ascii_lower(byte) || is_ascii_upper(byte); }

std::uint32_t properties_of(char32_t code_point) {
  return code_point == kInvalidCodePoint ? 0 : properties(code_point);
}

DecodedCodePoint next_code_point(std::string_view text, std::size_t position) {
  const auto byte = static_cast<unsigned char>(text[position]);
  if (byte < 0x80) return {byte, 1};
  return decode_next(text, position);
}

/// Appends `mapped[0..count)`, or the original bytes when the mapping is the identity.
void append_mapped(std::string& out, char32_t code_point, std::string_view original_bytes,
                   const char32_t* mapped, int count) {
  if (count == 1 && mapped[0] == code_point) {
    out.append(original_bytes);
    return;
  }
  for (int i = 0; i < count; ++i) encode_utf8(mapped[i], out);
}

void append_mapping(std::string& out, char32_t code_point, std::string_view original_bytes,
                    CaseMapping mapping) {
  if (code_point == kInvalidCodePoint) {
    out.append(original_bytes);
    return;
  }
  char32_t mapped[kMaxCaseMappingLength];
  const int count = mapping(code_point, mapped);
  append_mapped(out, code_point, original_bytes, mapped, count);
}

/// Left context of the final-sigma rule: is the nearest preceding code point that is not
/// case-ignorable a cased one? (False at the start of the text.)
class FinalSigmaContext {
 public:
  void advance_past(char32_t code_point) {
    const std::uint32_t bits = properties_of(code_point);
    if ((bits & kCaseIgnorable) == 0) preceded_by_cased_ = (bits & kCased) != 0;
  }

  /// The lower-case form of a capital sigma at the current position, whose successor starts at
  /// text[next_position].
  char32_t lower_sigma(std::string_view text, std::size_t next_position) const {
    if (!preceded_by_cased_) return kSmallSigma;
    return followed_by_cased(text, next_position) ? kSmallSigma : kFinalSmallSigma;
  }

 private:
  static bool followed_by_cased(std::string_view text, std::size_t position) {
    while (position < text.size()) {
      const DecodedCodePoint next = next_code_point(text, position);
      const std::uint32_t bits = properties_of(next.code_point);
      if ((bits & kCaseIgnorable) == 0) return (bits & kCased) != 0;
      position += next.length;
    }
    return false;
  }

  bool preceded_by_cased_ = false;
};

/// CPython's lower_ucs4: the full lower mapping, with the final-sigma rule for U+03A3.
void append_lower_in_context(std::string& out, char32_t code_point,
                             std::string_view original_bytes, std::string_view text,
                             std::size_t next_position, const FinalSigmaContext& context) {
  if (code_point < 0x80) {
    out.push_back(ascii_to_lower(static_cast<char>(code_point)));
  } else if (code_point == kCapitalSigma) {
    encode_utf8(context.lower_sigma(text, next_position), out);
  } else {
    append_mapping(out, code_point, original_bytes, to_lower);
  }
}

/// Calls visit(code_point, original_bytes, next_position) for each code point of `text`
/// (kInvalidCodePoint for an invalid byte).
template <typename Visitor>
void for_each_code_point(std::string_view text, Visitor&& visit) {
  std::size_t position = 0;
  while (position < text.size()) {
    const DecodedCodePoint decoded = next_code_point(text, position);
    const std::size_t next_position = position + decoded.length;
    visit(decoded.code_point, text.substr(position, decoded.length), next_position);
    position = next_position;
  }
}

template <typename ByteMapping>
std::string map_ascii_bytes(std::string_view text, ByteMapping&& map_byte) {
  std::string out(text);
  for (char& byte : out) byte = map_byte(byte);
  return out;
}

}  // namespace

std::string upper(std::string_view text) {
  if (is_ascii(text)) return map_ascii_bytes(text, ascii_to_upper);
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes, std::size_t) {
    if (code_point < 0x80) {
      out.push_back(ascii_to_upper(static_cast<char>(code_point)));
    } else {
      append_mapping(out, code_point, bytes, to_upper);
    }
  });
  return out;
}

std::string lower(std::string_view text) {
  if (is_ascii(text)) return map_ascii_bytes(text, ascii_to_lower);
  std::string out;
  out.reserve(text.size());
  FinalSigmaContext context;
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes,
                                std::size_t next_position) {
    append_lower_in_context(out, code_point, bytes, text, next_position, context);
    context.advance_past(code_point);
  });
  return out;
}

std::string title(std::string_view text) {
  if (is_ascii(text)) {
    bool previous_is_cased = false;
    return map_ascii_bytes(text, [&](char byte) {
      const char mapped = previous_is_cased ? ascii_to_lower(byte) : ascii_to_upper(byte);
      previous_is_cased = is_ascii_letter(byte);
      return mapped;
    });
  }
  std::string out;
  out.reserve(text.size());
  FinalSigmaContext context;
  bool previous_is_cased = false;
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes,
                                std::size_t next_position) {
    if (previous_is_cased) {
      append_lower_in_context(out, code_point, bytes, text, next_position, context);
    } else if (code_point < 0x80) {
      out.push_back(ascii_to_upper(static_cast<char>(code_point)));
    } else {
      append_mapping(out, code_point, bytes, to_title);
    }
    previous_is_cased = (properties_of(code_point) & kCased) != 0;
    context.advance_past(code_point);
  });
  return out;
}

std::string capitalize(std::string_view text) {
  if (is_ascii(text)) {
    std::string out = map_ascii_bytes(text, ascii_to_lower);
    if (!out.empty()) out[0] = ascii_to_upper(out[0]);
    return out;
  }
  std::string out;
  out.reserve(text.size());
  FinalSigmaContext context;
  bool is_first = true;
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes,
                                std::size_t next_position) {
    if (is_first) {
      append_mapping(out, code_point, bytes, to_title);
      is_first = false;
    } else {
      append_lower_in_context(out, code_point, bytes, text, next_position, context);
    }
    context.advance_past(code_point);
  });
  return out;
}

std::string swapcase(std::string_view text) {
  const auto swap_ascii = [](char byte) {
    return is_ascii_upper(byte) ? ascii_to_lower(byte) : ascii_to_upper(byte);
  };
  if (is_ascii(text)) return map_ascii_bytes(text, swap_ascii);
  std::string out;
  out.reserve(text.size());
  FinalSigmaContext context;
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes,
                                std::size_t next_position) {
    const std::uint32_t bits = properties_of(code_point);
    if (code_point < 0x80) {
      out.push_back(swap_ascii(static_cast<char>(code_point)));
    } else if ((bits & kUpper) != 0) {
      append_lower_in_context(out, code_point, bytes, text, next_position, context);
    } else if ((bits & kLower) != 0) {
      append_mapping(out, code_point, bytes, to_upper);
    } else {
      out.append(bytes);
    }
    context.advance_past(code_point);
  });
  return out;
}

std::string casefold(std::string_view text) {
  if (is_ascii(text)) return map_ascii_bytes(text, ascii_to_lower);
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes, std::size_t) {
    if (code_point < 0x80) {
      out.push_back(ascii_to_lower(static_cast<char>(code_point)));
    } else {
      append_mapping(out, code_point, bytes, to_casefold);
    }
  });
  return out;
}

}  // namespace stitch::unicode
