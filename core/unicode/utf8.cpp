// UTF-8 decoding, encoding and the 8-bytes-at-a-time counting helpers (see utf8.h for the SWAR
// trick). The decoder checks the well-formed byte ranges of Unicode's Table 3-7 directly, so
// overlongs (C0, C1, E0 80..9F, F0 80..8F), values above U+10FFFF (F4 90.., F5..FF) and, under
// SurrogatePolicy::kReject, surrogates (ED A0..BF) are refused by the second-byte range check.
#include "core/unicode/utf8.h"

#include <bit>
#include <cstring>

namespace stitch::unicode {
namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

std::uint64_t load_word(const char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

/// Bit 7 of each byte of the result is set iff that byte of `word` is a continuation byte.
std::uint64_t continuation_bits(std::uint64_t word) { return word & ~(word << 1) & kHighBits; }

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

DecodedCodePoint decode_with_policy(std::string_view text, std::size_t position,
                                    SurrogatePolicy surrogates) {
  constexpr DecodedCodePoint kInvalid{kInvalidCodePoint, 1};
  const auto byte_at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte_at(position);
  if (lead < 0x80) return {lead, 1};

  std::uint32_t length;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  char32_t code_point;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code_point = lead & 0x0F;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED && surrogates == SurrogatePolicy::kReject) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return kInvalid;
  }
  if (text.size() - position < length) return kInvalid;
  const unsigned char second = byte_at(position + 1);
  if (second < second_min || second > second_max) return kInvalid;
  code_point = (code_point << 6) | (second & 0x3F);
  for (std::uint32_t i = 2; i < length; ++i) {
    const unsigned char next = byte_at(position + i);
    if (!is_continuation(next)) return kInvalid;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  return {code_point, length};
}

}  // namespace

DecodedCodePoint decode_next(std::string_view text, std::size_t position) {
  return decode_with_policy(text, position, SurrogatePolicy::kAllow);
}

bool decode_utf8(std::string_view text, std::u32string& out, SurrogatePolicy surrogates) {
  out.reserve(out.size() + text.size());
  std::size_t position = 0;
  while (position < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[position]);
    if (byte < 0x80) {
      out.push_back(byte);
      ++position;
      continue;
    }
    const DecodedCodePoint decoded = decode_with_policy(text, position, surrogates);
    if (decoded.code_point == kInvalidCodePoint) return false;
    out.push_back(decoded.code_point);
    position += decoded.length;
  }
  return true;
}

bool is_valid_utf8(std::string_view text, SurrogatePolicy surrogates) {
  std::size_t position = 0;
  while (position < text.size()) {
    // Skip ASCII a word at a time.
    if (text.size() - position >= 8 && (load_word(text.data() + position) & kHighBits) == 0) {
      position += 8;
      continue;
    }
    const DecodedCodePoint decoded = decode_with_policy(text, position, surrogates);
    if (decoded.code_point == kInvalidCodePoint) return false;
    position += decoded.length;
  }
  return true;
}

void encode_utf8(char32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    const char bytes[2] = {static_cast<char>(0xC0 | (code_point >> 6)),
                           static_cast<char>(0x80 | (code_point & 0x3F))};
    out.append(bytes, 2);
  } else if (code_point < 0x10000) {
    const char bytes[3] = {static_cast<char>(0xE0 | (code_point >> 12)),
                           static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (code_point & 0x3F))};
    out.append(bytes, 3);
  } else if (code_point <= 0x10FFFF) {
    const char bytes[4] = {static_cast<char>(0xF0 | (code_point >> 18)),
                           static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)),
                           static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (code_point & 0x3F))};
    out.append(bytes, 4);
  } else {
    encode_utf8(0xFFFD, out);
  }
}

std::size_t count_code_points(std::string_view text) {
  const char* bytes = text.data();
  const std::size_t size = text.size();
  std::size_t continuations = 0;
  std::size_t position = 0;
  for (; size - position >= 8; position += 8) {
    continuations += static_cast<std::size_t>(
        std::popcount(continuation_bits(load_word(bytes + position))));
  }
  for (; position < size; ++position) {
    continuations += is_continuation(static_cast<unsigned char>(bytes[position])) ? 1 : 0;
  }
  return size - continuations;
}

bool is_ascii(std::string_view text) {
  const char* bytes = text.data();
  const std::size_t size = text.size();
  std::size_t position = 0;
  std::uint64_t high_bits = 0;
  // OR the words together and test once per 32 bytes: the common case is all-ASCII.
  for (; size - position >= 32; position += 32) {
    high_bits |= load_word(bytes + position) | load_word(bytes + position + 8) |
                 load_word(bytes + position + 16) | load_word(bytes + position + 24);
    if ((high_bits & kHighBits) != 0) return false;
  }
  for (; size - position >= 8; position += 8) high_bits |= load_word(bytes + position);
  for (; position < size; ++position) high_bits |= static_cast<unsigned char>(bytes[position]);
  return (high_bits & kHighBits) == 0;
}

std::size_t utf8_offset_of_code_point(std::string_view text, std::size_t index) {
  const char* bytes = text.data();
  const std::size_t size = text.size();
  std::size_t seen = 0;  // code points starting before `position`
  std::size_t position = 0;
  // Skip whole words while the wanted code point starts after them.
  for (; size - position >= 8; position += 8) {
    const std::size_t starts =
        8 - static_cast<std::size_t>(std::popcount(continuation_bits(load_word(bytes + position))));
    if (seen + starts > index) break;
    seen += starts;
  }
  for (; position < size; ++position) {
    if (is_continuation(static_cast<unsigned char>(bytes[position]))) continue;
    if (seen == index) return position;
    ++seen;
  }
  return seen == index ? size : std::string_view::npos;
}

}  // namespace stitch::unicode
