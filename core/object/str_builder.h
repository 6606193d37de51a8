// StrBuilder: accumulates UTF-8 text for a new str result, and the small text helpers the str
// methods share (code-point stepping over valid UTF-8).
//
// Algorithm: results are built in a std::string and turned into a str object once, at the end
// (str_from_utf8 counts code points and sets the ASCII flag). Inputs are str storage, i.e. valid
// UTF-8 (lone surrogates encoded as three bytes), so stepping by the lead byte's sequence length
// always lands on a code-point boundary. No shared state: nothing here needs memory ordering.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/object/object.h"
#include "core/object/str.h"
#include "core/unicode/utf8.h"

namespace stitch {

class StrBuilder {
 public:
  void reserve(std::size_t bytes) { text_.reserve(bytes); }
  void append(std::string_view text) { text_.append(text); }
  void append_byte(char byte) { text_.push_back(byte); }
  void append_repeated(std::string_view text, std::int64_t count) {
    for (std::int64_t i = 0; i < count; ++i) text_.append(text);
  }
  void append_code_point(char32_t code_point) { unicode::encode_utf8(code_point, text_); }
  std::size_t size() const { return text_.size(); }
  std::string& text() { return text_; }
  /// The built str (a new reference), or nullptr with MemoryError.
  Object* finish() const { return str_from_utf8(text_); }

 private:
  std::string text_;
};

/// Byte length of the UTF-8 sequence that starts with `lead` (1 for ASCII).
inline std::size_t utf8_step(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

/// Byte offset of the code point just before `position` (position > 0) in valid UTF-8.
inline std::size_t utf8_previous(std::string_view text, std::size_t position) {
  do {
    --position;
  } while (position > 0 && (static_cast<unsigned char>(text[position]) & 0xC0) == 0x80);
  return position;
}

}  // namespace stitch
