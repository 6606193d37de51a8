// Checks every code point U+0000..U+10FFFF against what CPython 3.11 reported at build time:
// property bits, the four full case mappings, decimal, digit and numeric values.
#include "core/unicode/char_database.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "test_data.h"

namespace stitch::unicode {
namespace {

using testing::CodePointRun;
using testing::test_data;

std::string hex(char32_t code_point) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(code_point));
  return buffer;
}

/// The mapping as the test data spells it: "d<delta>" for one code point, else dotted hex.
std::string spell_mapping(char32_t code_point, int (*mapping)(char32_t, char32_t*)) {
  char32_t out[kMaxCaseMappingLength];
  const int count = mapping(code_point, out);
  if (count == 1) {
    return "d" + std::to_string(static_cast<long>(out[0]) - static_cast<long>(code_point));
  }
  std::string spelled;
  for (int i = 0; i < count; ++i) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%x", static_cast<unsigned>(out[i]));
    if (i > 0) spelled += '.';
    spelled += buffer;
  }
  return spelled;
}

/// Counts mismatches and reports the first few, so a broken table gives a readable failure.
class MismatchLog {
 public:
  explicit MismatchLog(const char* what) : what_(what) {}
  ~MismatchLog() { EXPECT_EQ(count_, 0u) << what_ << ": mismatching code points"; }
  void check(bool equal, char32_t code_point, const std::string& expected,
             const std::string& actual) {
    if (equal) return;
    if (++count_ <= 10) {
      ADD_FAILURE() << what_ << " of " << hex(code_point) << ": expected " << expected
                    << ", got " << actual;
    }
  }

 private:
  const char* what_;
  unsigned long count_ = 0;
};

TEST(CharDatabase, RunsCoverEveryCodePointOnce) {
  const auto& runs = test_data().runs;
  ASSERT_FALSE(runs.empty()) << "test data missing: " << STITCH_UNICODE_TEST_DATA;
  char32_t next = 0;
  for (const CodePointRun& run : runs) {
    ASSERT_EQ(run.first, next);
    ASSERT_LE(run.first, run.last);
    next = run.last + 1;
  }
  EXPECT_EQ(next, kMaxCodePoint + 1);
}

TEST(CharDatabase, PropertiesOfEveryCodePointMatchCPython) {
  MismatchLog log("properties");
  for (const CodePointRun& run : test_data().runs) {
    for (char32_t c = run.first; c <= run.last; ++c) {
      const std::uint32_t actual = properties(c);
      log.check(actual == run.properties, c, std::to_string(run.properties),
                std::to_string(actual));
    }
  }
}

TEST(CharDatabase, CaseMappingsOfEveryCodePointMatchCPython) {
  MismatchLog upper_log("upper"), lower_log("lower"), title_log("title"), fold_log("casefold");
  for (const CodePointRun& run : test_data().runs) {
    for (char32_t c = run.first; c <= run.last; ++c) {
      const std::string upper = spell_mapping(c, to_upper);
      upper_log.check(upper == run.upper, c, run.upper, upper);
      const std::string lower = spell_mapping(c, to_lower);
      lower_log.check(lower == run.lower, c, run.lower, lower);
      const std::string title = spell_mapping(c, to_title);
      title_log.check(title == run.title, c, run.title, title);
      const std::string fold = spell_mapping(c, to_casefold);
      fold_log.check(fold == run.casefold, c, run.casefold, fold);
    }
  }
}

TEST(CharDatabase, NumericValuesOfEveryCodePointMatchCPython) {
  MismatchLog decimal_log("decimal"), digit_log("digit"), numeric_log("numeric");
  for (const CodePointRun& run : test_data().runs) {
    const bool has_numeric = run.numeric != "-";
    const double expected_numeric = has_numeric ? std::stod(run.numeric) : 0.0;
    for (char32_t c = run.first; c <= run.last; ++c) {
      decimal_log.check(decimal_value(c) == run.decimal, c, std::to_string(run.decimal),
                        std::to_string(decimal_value(c)));
      digit_log.check(digit_value(c) == run.digit, c, std::to_string(run.digit),
                      std::to_string(digit_value(c)));
      const double actual = numeric_value(c);
      const bool numeric_matches =
          has_numeric ? actual == expected_numeric : std::isnan(actual);
      numeric_log.check(numeric_matches, c, run.numeric, std::to_string(actual));
    }
  }
}

TEST(CharDatabase, KnownCharacters) {
  EXPECT_STREQ(unicode_version(), "14.0.0");
  EXPECT_TRUE(is_alpha(U'a'));
  EXPECT_TRUE(is_alpha(U'é'));
  EXPECT_FALSE(is_alpha(U'1'));
  EXPECT_TRUE(is_decimal(U'٣'));
  EXPECT_EQ(decimal_value(U'٣'), 3);
  EXPECT_FALSE(is_decimal(U'²'));
  EXPECT_TRUE(is_digit(U'²'));
  EXPECT_EQ(digit_value(U'²'), 2);
  EXPECT_EQ(decimal_value(U'²'), -1);
  EXPECT_TRUE(is_numeric(U'½'));
  EXPECT_EQ(numeric_value(U'½'), 0.5);
  EXPECT_EQ(numeric_value(U'\u0F33'), -0.5);
  EXPECT_EQ(numeric_value(U'一'), 1.0);
  EXPECT_TRUE(std::isnan(numeric_value(U'x')));
  EXPECT_TRUE(is_space(U'\u3000'));
  EXPECT_TRUE(is_space(U'\x1c'));
  EXPECT_FALSE(is_space(U'\u200b'));
  EXPECT_TRUE(is_title(U'ǅ'));
  EXPECT_FALSE(is_upper(U'ǅ'));
  EXPECT_TRUE(is_cased(U'ǅ'));
  EXPECT_TRUE(is_case_ignorable(U'\''));
  EXPECT_TRUE(is_case_ignorable(U'\u0300'));
  EXPECT_TRUE(is_linebreak(U'\u2028'));
  EXPECT_FALSE(is_linebreak(U' '));
  EXPECT_TRUE(is_xid_start(U'ℕ'));
  EXPECT_FALSE(is_xid_start(U'_'));
  EXPECT_TRUE(is_xid_continue(U'_'));
  EXPECT_FALSE(is_printable(U'\u00ad'));
  EXPECT_TRUE(is_printable(U' '));
  EXPECT_TRUE(is_alnum(U'½'));

  char32_t out[kMaxCaseMappingLength];
  ASSERT_EQ(to_upper(U'ß', out), 2);
  EXPECT_EQ(std::u32string(out, 2), U"SS");
  ASSERT_EQ(to_title(U'ß', out), 2);
  EXPECT_EQ(std::u32string(out, 2), U"Ss");
  ASSERT_EQ(to_upper(U'\u0390', out), 3);
  EXPECT_EQ(std::u32string(out, 3), U"\u0399\u0308\u0301");
  ASSERT_EQ(to_lower(U'İ', out), 2);
  EXPECT_EQ(std::u32string(out, 2), U"i\u0307");
  ASSERT_EQ(to_casefold(U'ẞ', out), 2);
  EXPECT_EQ(std::u32string(out, 2), U"ss");
  ASSERT_EQ(to_lower(U'Σ', out), 1);
  EXPECT_EQ(out[0], U'σ');
}

TEST(CharDatabase, OutOfRangeValuesHaveNoPropertiesAndMapToThemselves) {
  for (char32_t c : {char32_t{0x110000}, char32_t{0xFFFFFFFF}}) {
    EXPECT_EQ(properties(c), 0u);
    char32_t out[kMaxCaseMappingLength];
    ASSERT_EQ(to_upper(c, out), 1);
    EXPECT_EQ(out[0], c);
    EXPECT_EQ(decimal_value(c), -1);
    EXPECT_TRUE(std::isnan(numeric_value(c)));
  }
}

}  // namespace
}  // namespace stitch::unicode
