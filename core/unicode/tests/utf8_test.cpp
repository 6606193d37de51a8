// UTF-8 decoding/validation (every boundary of the well-formed byte table), encoding round trips,
// and the word-at-a-time helpers checked against byte-by-byte answers at every alignment.
#include "core/unicode/utf8.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace stitch::unicode {
namespace {

TEST(Utf8, EncodeDecodeRoundTripsEveryCodePoint) {
  std::string text;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) encode_utf8(c, text);
  std::u32string decoded;
  ASSERT_TRUE(decode_utf8(text, decoded, SurrogatePolicy::kAllow));
  ASSERT_EQ(decoded.size(), 0x110000u);
  for (char32_t c = 0; c <= 0x10FFFF; ++c) ASSERT_EQ(decoded[c], c);
  EXPECT_EQ(count_code_points(text), 0x110000u);
  EXPECT_FALSE(is_valid_utf8(text, SurrogatePolicy::kReject));  // contains surrogates
  EXPECT_TRUE(is_valid_utf8(text, SurrogatePolicy::kAllow));
}

TEST(Utf8, EncodedLengths) {
  const std::pair<char32_t, std::size_t> cases[] = {
      {0x0, 1}, {0x7F, 1}, {0x80, 2}, {0x7FF, 2}, {0x800, 3}, {0xFFFF, 3},
      {0x10000, 4}, {0x10FFFF, 4}};
  for (auto [code_point, length] : cases) {
    std::string out;
    encode_utf8(code_point, out);
    EXPECT_EQ(out.size(), length) << static_cast<unsigned>(code_point);
  }
  std::string out;
  encode_utf8(0x110000, out);
  EXPECT_EQ(out, "\xEF\xBF\xBD");
}

TEST(Utf8, RejectsMalformedSequences) {
  const char* const malformed[] = {
      "\x80",              // lone continuation
      "\xC0\x80",          // overlong NUL
      "\xC1\xBF",          // overlong
      "\xE0\x9F\xBF",      // overlong three-byte
      "\xF0\x8F\xBF\xBF",  // overlong four-byte
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xF5\x80\x80\x80",  // invalid lead
      "\xFF",              // invalid lead
      "\xC3",              // truncated
      "\xE2\x82",          // truncated
      "\xF0\x9F\x98",      // truncated
      "\xE2\x28\xA1",      // bad continuation
  };
  for (const char* text : malformed) {
    std::u32string out;
    EXPECT_FALSE(decode_utf8(text, out, SurrogatePolicy::kAllow)) << text;
    EXPECT_FALSE(is_valid_utf8(text, SurrogatePolicy::kAllow)) << text;
    EXPECT_EQ(decode_next(text, 0).code_point, kInvalidCodePoint);
    EXPECT_EQ(decode_next(text, 0).length, 1u);
  }
}

TEST(Utf8, SurrogatePolicy) {
  const std::string surrogate = "\xED\xA0\x80";  // U+D800
  std::u32string out;
  EXPECT_FALSE(decode_utf8(surrogate, out));
  out.clear();
  ASSERT_TRUE(decode_utf8(surrogate, out, SurrogatePolicy::kAllow));
  EXPECT_EQ(out, U"\xD800");
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));  // U+D7FF is fine either way
  EXPECT_EQ(decode_next(surrogate, 0).code_point, 0xD800u);
}

TEST(Utf8, DecodeStopsAtFirstError) {
  std::u32string out;
  EXPECT_FALSE(decode_utf8("ab\xFFz", out));
  EXPECT_EQ(out, U"ab");
}

/// Random mixes of 1- to 4-byte code points, to exercise every alignment of the word loops.
std::string random_text(std::mt19937& rng, std::size_t code_points, std::u32string& decoded) {
  const char32_t samples[] = {U'a', U'Z', U' ', U'é', U'ß', U'Σ', U'€', U'変', U'😀', U'\U0010FFFF'};
  std::uniform_int_distribution<int> pick_ascii(0, 2);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(samples) - 1);
  std::string text;
  for (std::size_t i = 0; i < code_points; ++i) {
    const char32_t c = pick_ascii(rng) != 0 ? U'x' : samples[pick(rng)];
    decoded.push_back(c);
    encode_utf8(c, text);
  }
  return text;
}

TEST(Utf8, CountAndOffsetAgreeWithDecodingAtEveryLength) {
  std::mt19937 rng(7);
  for (std::size_t length = 0; length < 80; ++length) {
    std::u32string decoded;
    const std::string text = random_text(rng, length, decoded);
    ASSERT_EQ(count_code_points(text), length);
    std::size_t expected_offset = 0;
    for (std::size_t index = 0; index <= length; ++index) {
      ASSERT_EQ(utf8_offset_of_code_point(text, index), expected_offset) << length << " " << index;
      if (index < length) {
        std::string encoded;
        encode_utf8(decoded[index], encoded);
        expected_offset += encoded.size();
      }
    }
    EXPECT_EQ(utf8_offset_of_code_point(text, length + 1), std::string_view::npos);
  }
}

TEST(Utf8, IsAsciiFindsANonAsciiByteAnywhere) {
  for (std::size_t length = 0; length < 70; ++length) {
    std::string text(length, 'a');
    EXPECT_TRUE(is_ascii(text));
    for (std::size_t position = 0; position < length; ++position) {
      text[position] = '\x80';
      EXPECT_FALSE(is_ascii(text)) << length << " " << position;
      text[position] = 'a';
    }
  }
  // A view into the middle of a buffer (unaligned start).
  const std::string buffer = "\xC3\xA9" "abcdefghijklmnopqrstuvwxyz0123456789";
  EXPECT_TRUE(is_ascii(std::string_view(buffer).substr(2)));
  EXPECT_FALSE(is_ascii(std::string_view(buffer).substr(1)));
}

}  // namespace
}  // namespace stitch::unicode
