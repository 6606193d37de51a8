// parse_format_spec: the fields CPython 3.11 reads from a spec (checked through the resulting
// FormatSpec), and the defaults each subject gets.
#include <gtest/gtest.h>

#include "core/text/format_spec.h"

namespace stitch::text {
namespace {

TEST(FormatSpec, ReadsEveryField) {
  Expected<FormatSpec> spec = parse_format_spec("*^+z#012_.3f", FormatSubject::kFloat);
  ASSERT_TRUE(spec.has_value()) << spec.error().message;
  EXPECT_EQ(spec->fill, "*");
  EXPECT_EQ(spec->align, '^');
  EXPECT_EQ(spec->sign, '+');
  EXPECT_TRUE(spec->no_negative_zero);
  EXPECT_TRUE(spec->alternate);
  // The '0' after '#' is the zero flag; the fill was given, so it changes nothing.
  EXPECT_EQ(spec->width, 12);
  EXPECT_EQ(spec->grouping, Grouping::kUnderscore);
  EXPECT_EQ(spec->precision, 3);
  EXPECT_EQ(spec->type, U'f');
}

TEST(FormatSpec, SubjectDefaults) {
  Expected<FormatSpec> as_int = parse_format_spec("", FormatSubject::kInt);
  ASSERT_TRUE(as_int.has_value());
  EXPECT_EQ(as_int->type, U'd');
  EXPECT_EQ(as_int->align, '>');
  EXPECT_EQ(as_int->width, -1);
  EXPECT_EQ(as_int->precision, -1);
  Expected<FormatSpec> as_float = parse_format_spec("", FormatSubject::kFloat);
  ASSERT_TRUE(as_float.has_value());
  EXPECT_EQ(as_float->type, U'\0');
  Expected<FormatSpec> as_str = parse_format_spec("", FormatSubject::kStr);
  ASSERT_TRUE(as_str.has_value());
  EXPECT_EQ(as_str->type, U's');
  EXPECT_EQ(as_str->align, '<');
}

TEST(FormatSpec, ZeroFlagMeansSignAwareZeroFillForNumbersOnly) {
  Expected<FormatSpec> number = parse_format_spec("08", FormatSubject::kInt);
  ASSERT_TRUE(number.has_value());
  EXPECT_EQ(number->fill, "0");
  EXPECT_EQ(number->align, '=');
  Expected<FormatSpec> text = parse_format_spec("08", FormatSubject::kStr);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->fill, "0");
  EXPECT_EQ(text->align, '<');
  Expected<FormatSpec> aligned = parse_format_spec("<08", FormatSubject::kInt);
  ASSERT_TRUE(aligned.has_value());
  EXPECT_EQ(aligned->fill, "0");
  EXPECT_EQ(aligned->align, '<');
}

TEST(FormatSpec, FillIsOneCodePoint) {
  Expected<FormatSpec> spec = parse_format_spec("\xe2\x82\xac>10", FormatSubject::kStr);  // '€>10'
  ASSERT_TRUE(spec.has_value());
  EXPECT_EQ(spec->fill, "\xe2\x82\xac");
  EXPECT_EQ(spec->width, 10);
  // An alignment character can itself be the fill: '<<5'.
  Expected<FormatSpec> doubled = parse_format_spec("<<5", FormatSubject::kStr);
  ASSERT_TRUE(doubled.has_value());
  EXPECT_EQ(doubled->fill, "<");
  EXPECT_EQ(doubled->align, '<');
}

TEST(FormatSpec, UnderscoreGroupsByFourInPowerOfTwoBases) {
  for (const char* text : {"_x", "_X", "_o", "_b"}) {
    Expected<FormatSpec> spec = parse_format_spec(text, FormatSubject::kInt);
    ASSERT_TRUE(spec.has_value()) << text;
    EXPECT_EQ(spec->grouping, Grouping::kUnderscoreEveryFour) << text;
  }
  Expected<FormatSpec> comma_hex = parse_format_spec(",x", FormatSubject::kInt);
  ASSERT_FALSE(comma_hex.has_value());
  EXPECT_EQ(comma_hex.error().message, "Cannot specify ',' with 'x'.");  // python3: format(1, ',x')
}

TEST(FormatSpec, ErrorsFromParsing) {
  // python3.11: format(1, spec) for each spec.
  struct Case {
    const char* spec;
    const char* message;
  } cases[] = {
      {".", "Format specifier missing precision"},
      {"10.", "Format specifier missing precision"},
      {"xx", "Invalid format specifier 'xx' for object of type 'int'"},
      {"_,", "Cannot specify both ',' and '_'."},
      {",_", "Cannot specify both ',' and '_'."},
      {"99999999999999999999", "Too many decimal digits in format string"},
      {".99999999999999999999", "Too many decimal digits in format string"},
      {",c", "Cannot specify ',' with 'c'."},
  };
  for (const Case& c : cases) {
    Expected<FormatSpec> spec = parse_format_spec(c.spec, FormatSubject::kInt);
    ASSERT_FALSE(spec.has_value()) << c.spec;
    EXPECT_EQ(spec.error().message, c.message);
    EXPECT_EQ(spec.error().kind, ErrorKind::kValueError);
  }
}

}  // namespace
}  // namespace stitch::text
