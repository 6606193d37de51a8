// String-level case conversions: CPython 3.11's results for ~6000 generated strings (random mixes
// of final-sigma contexts, case-ignorables, expanding mappings, digraphs, surrogates, any code
// point), plus hand-written cases for the rules people know by name.
#include "core/unicode/string_case.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/unicode/char_database.h"
#include "core/unicode/utf8.h"
#include "test_data.h"

namespace stitch::unicode {
namespace {

using testing::to_utf8;

std::string call_named(const std::string& function, std::string_view text) {
  static const std::map<std::string, std::string (*)(std::string_view)> functions = {
      {"upper", upper},       {"lower", lower},       {"title", title},
      {"capitalize", capitalize}, {"swapcase", swapcase}, {"casefold", casefold}};
  return functions.at(function)(text);
}

TEST(StringCase, GeneratedCasesMatchCPython) {
  const auto& cases = testing::test_data().conversions;
  ASSERT_GT(cases.size(), 10000u);
  int failures = 0;
  for (const auto& string_case : cases) {
    const std::string input = to_utf8(string_case.input);
    const std::string expected = to_utf8(string_case.expected_text);
    const std::string actual = call_named(string_case.function, input);
    if (actual != expected && ++failures <= 20) {
      ADD_FAILURE() << string_case.function << "(\"" << input << "\"): expected \"" << expected
                    << "\", got \"" << actual << "\"";
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(StringCase, FinalSigma) {
  EXPECT_EQ(lower("ΣΑΣ"), "σας");
  EXPECT_EQ(lower("Σ"), "σ");
  EXPECT_EQ(lower("ΑΣ"), "ας");
  EXPECT_EQ(lower("ΑΣ Β"), "ας β");
  EXPECT_EQ(lower("ΑΣΒ"), "ασβ");
  EXPECT_EQ(lower("ΑΣ'"), "ας'");      // case-ignorable after: still final
  EXPECT_EQ(lower("ΑΣ'Β"), "ασ'β");    // ignorable skipped, cased follows
  EXPECT_EQ(lower("Α'Σ"), "α'ς");      // ignorable skipped before
  EXPECT_EQ(lower(" Σ"), " σ");        // nothing cased before
  EXPECT_EQ(lower("ΑΣ\u0301"), "ας\u0301");
  EXPECT_EQ(title("ΑΣ ΑΣ"), "Ας Ας");
  EXPECT_EQ(capitalize("ΣΑΣ"), "Σας");
  EXPECT_EQ(swapcase("ΑΣ"), "ας");
  EXPECT_EQ(casefold("ΑΣ"), "ασ");     // casefold has no context
  EXPECT_EQ(upper("ας"), "ΑΣ");
}

TEST(StringCase, ExpandingMappings) {
  EXPECT_EQ(upper("ß"), "SS");
  EXPECT_EQ(upper("straße"), "STRASSE");
  EXPECT_EQ(upper("ﬁ"), "FI");
  EXPECT_EQ(title("ﬁsh"), "Fish");
  EXPECT_EQ(casefold("Straße"), "strasse");
  EXPECT_EQ(lower("İ"), "i\u0307");
  EXPECT_EQ(count_code_points(lower("İ")), 2u);
  EXPECT_EQ(upper("ı"), "I");
  EXPECT_EQ(upper("ŉ"), "ʼN");
  EXPECT_EQ(capitalize("ß"), "Ss");
  EXPECT_EQ(swapcase("ß"), "SS");
}

TEST(StringCase, TitleAndCapitalize) {
  EXPECT_EQ(title("they're bill's friends"), "They'Re Bill'S Friends");
  EXPECT_EQ(title("hello world"), "Hello World");
  EXPECT_EQ(title("HELLO wORLD 3rd"), "Hello World 3Rd");
  EXPECT_EQ(title("ǆemal"), "ǅemal");
  EXPECT_EQ(title("é-à"), "É-À");
  EXPECT_EQ(title(""), "");
  EXPECT_EQ(capitalize("hELLO wORLD"), "Hello world");
  EXPECT_EQ(capitalize("ǆEMAL"), "ǅemal");  // 3.8+: first character title-cased
  EXPECT_EQ(capitalize("éCOLE"), "École");
  EXPECT_EQ(capitalize(""), "");
  EXPECT_EQ(capitalize("1A"), "1a");
}

TEST(StringCase, Swapcase) {
  EXPECT_EQ(swapcase("Hello World"), "hELLO wORLD");
  EXPECT_EQ(swapcase("ǅ"), "ǅ");  // titlecase is neither upper nor lower
  EXPECT_EQ(swapcase("Ünïcödé"), "üNÏCÖDÉ");
}

TEST(StringCase, AsciiPathAgreesWithTheTables) {
  for (int byte = 0; byte < 0x80; ++byte) {
    const std::string text(1, static_cast<char>(byte));
    char32_t mapped[kMaxCaseMappingLength];
    ASSERT_EQ(to_upper(static_cast<char32_t>(byte), mapped), 1);
    EXPECT_EQ(upper(text), std::string(1, static_cast<char>(mapped[0]))) << byte;
    ASSERT_EQ(to_lower(static_cast<char32_t>(byte), mapped), 1);
    EXPECT_EQ(lower(text), std::string(1, static_cast<char>(mapped[0]))) << byte;
    EXPECT_EQ(casefold(text), std::string(1, static_cast<char>(mapped[0]))) << byte;
    ASSERT_EQ(to_title(static_cast<char32_t>(byte), mapped), 1);
    EXPECT_EQ(title(text), std::string(1, static_cast<char>(mapped[0]))) << byte;
    const bool is_letter = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
    EXPECT_EQ(is_cased(static_cast<char32_t>(byte)), is_letter) << byte;
  }
}

TEST(StringCase, LongMixedTextKeepsAsciiRuns) {
  std::string text;
  std::string expected;
  for (int i = 0; i < 100; ++i) {
    text += "abc déf ΣΑΣ ";
    expected += "ABC DÉF ΣΑΣ ";
  }
  EXPECT_EQ(upper(text), expected);
  EXPECT_EQ(lower(expected).substr(0, 15), "abc déf σας");
}

TEST(StringCase, InvalidBytesPassThroughUnchanged) {
  const std::string text = std::string("a\xff") + "b\xc3";
  EXPECT_EQ(upper(text), std::string("A\xff") + "B\xc3");
  EXPECT_EQ(lower("\xff\xce\xa3"), "\xff\xcf\x83");  // invalid byte is not cased: 'σ'
}

TEST(StringCase, SurrogatesAreUnchanged) {
  std::string text = "a";
  encode_utf8(0xD800, text);
  std::string expected = "A";
  encode_utf8(0xD800, expected);
  EXPECT_EQ(upper(text), expected);
}

}  // namespace
}  // namespace stitch::unicode
