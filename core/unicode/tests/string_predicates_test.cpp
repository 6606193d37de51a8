// Whole-string predicates: CPython 3.11's answers for ~6000 generated strings, plus the rules by
// name (empty strings, istitle, the digit/decimal/numeric ladder).
#include "core/unicode/string_predicates.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "test_data.h"

namespace stitch::unicode {
namespace {

bool call_named(const std::string& predicate, std::string_view text) {
  static const std::map<std::string, bool (*)(std::string_view)> predicates = {
      {"isalpha", str_isalpha},         {"isdecimal", str_isdecimal},
      {"isdigit", str_isdigit},         {"isnumeric", str_isnumeric},
      {"isalnum", str_isalnum},         {"isspace", str_isspace},
      {"isupper", str_isupper},         {"islower", str_islower},
      {"istitle", str_istitle},         {"isprintable", str_isprintable},
      {"isidentifier", str_isidentifier}, {"isascii", str_isascii}};
  return predicates.at(predicate)(text);
}

TEST(StringPredicates, GeneratedCasesMatchCPython) {
  const auto& cases = testing::test_data().predicates;
  ASSERT_GT(cases.size(), 10000u);
  int failures = 0;
  for (const auto& string_case : cases) {
    const std::string input = testing::to_utf8(string_case.input);
    if (call_named(string_case.function, input) != string_case.expected_truth && ++failures <= 20) {
      ADD_FAILURE() << string_case.function << "(\"" << input << "\") should be "
                    << string_case.expected_truth;
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(StringPredicates, EmptyString) {
  EXPECT_FALSE(str_isalpha(""));
  EXPECT_FALSE(str_isdecimal(""));
  EXPECT_FALSE(str_isdigit(""));
  EXPECT_FALSE(str_isnumeric(""));
  EXPECT_FALSE(str_isalnum(""));
  EXPECT_FALSE(str_isspace(""));
  EXPECT_FALSE(str_isupper(""));
  EXPECT_FALSE(str_islower(""));
  EXPECT_FALSE(str_istitle(""));
  EXPECT_FALSE(str_isidentifier(""));
  EXPECT_TRUE(str_isprintable(""));
  EXPECT_TRUE(str_isascii(""));
}

TEST(StringPredicates, Istitle) {
  EXPECT_TRUE(str_istitle("Hello World"));
  EXPECT_TRUE(str_istitle("Hello 123 World"));
  EXPECT_TRUE(str_istitle("A"));
  EXPECT_TRUE(str_istitle("ǅungla"));
  EXPECT_TRUE(str_istitle("They'Re"));
  EXPECT_FALSE(str_istitle("They're"));
  EXPECT_FALSE(str_istitle("hello World"));
  EXPECT_FALSE(str_istitle("HEllo"));
  EXPECT_FALSE(str_istitle("123"));
  EXPECT_FALSE(str_istitle("ǅUngla"));
}

TEST(StringPredicates, UpperAndLower) {
  EXPECT_TRUE(str_isupper("ABC 123"));
  EXPECT_FALSE(str_isupper("123"));
  EXPECT_FALSE(str_isupper("ABc"));
  EXPECT_FALSE(str_isupper("Aǅ"));
  EXPECT_TRUE(str_islower("straße 1"));
  EXPECT_FALSE(str_islower("ǅ"));
  EXPECT_TRUE(str_islower("ª"));
}

TEST(StringPredicates, DigitLadder) {
  EXPECT_TRUE(str_isdecimal("0123٣"));
  EXPECT_FALSE(str_isdecimal("²"));
  EXPECT_TRUE(str_isdigit("²"));
  EXPECT_FALSE(str_isdigit("½"));
  EXPECT_TRUE(str_isnumeric("½一Ⅻ²3"));
  EXPECT_TRUE(str_isalnum("abc½"));
  EXPECT_FALSE(str_isalnum("abc "));
}

TEST(StringPredicates, SpacePrintableIdentifier) {
  EXPECT_TRUE(str_isspace(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\u0085\u00a0\u3000\u2028"));
  EXPECT_FALSE(str_isspace("\u200b"));
  EXPECT_TRUE(str_isprintable("héllo wörld"));
  EXPECT_FALSE(str_isprintable("tab\t"));
  EXPECT_FALSE(str_isprintable("\u00a0"));
  EXPECT_TRUE(str_isidentifier("_private"));
  EXPECT_TRUE(str_isidentifier("変数"));
  EXPECT_TRUE(str_isidentifier("ℕ"));
  EXPECT_FALSE(str_isidentifier("1abc"));
  EXPECT_FALSE(str_isidentifier("a-b"));
  EXPECT_FALSE(str_isidentifier("€"));
  EXPECT_FALSE(str_isascii("é"));
  EXPECT_TRUE(str_isascii("plain text"));
}

TEST(StringPredicates, InvalidBytesHaveNoProperties) {
  EXPECT_FALSE(str_isprintable("a\xff"));
  EXPECT_FALSE(str_isalpha("a\xc3"));
  EXPECT_FALSE(str_isidentifier("a\xff"));
}

}  // namespace
}  // namespace stitch::unicode
