// Formatting: str.format (fields, conversions, nested specs, CPython's parser errors), printf-style
// `str % args`, and format_object (f-strings' FORMAT_VALUE); expected values from python3.11.
#include <gmp.h>
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/object/bool.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/str_format.h"
#include "core/object/str_methods.h"
#include "core/object/tests/object_test_support.h"
#include "core/object/tuple.h"

namespace stitch {
namespace {

// Builds arguments (kept alive for the test) and runs native methods, reporting the result's repr
// or "ExceptionType: message" exactly as python3 prints them.
class StrMethods : public testing::ObjectTest {
 protected:
  Object* keep(Object* object) {
    EXPECT_NE(object, nullptr);
    pool_.push_back(Ref::steal(object));
    return object;
  }
  Object* S(std::string_view text) { return keep(str_from_utf8(text)); }
  Object* I(std::int64_t value) { return keep(int_from_int64(value)); }
  Object* Big(const char* decimal) {
    mpz_t value;
    mpz_init_set_str(value, decimal, 10);
    Object* result = int_from_mpz(value);
    mpz_clear(value);
    return keep(result);
  }
  Object* T(std::initializer_list<Object*> items) {
    Object* tuple = tuple_new_uninitialized(static_cast<std::int64_t>(items.size()));
    std::int64_t i = 0;
    for (Object* item : items) as_tuple(tuple)->items[i++] = new_ref(item);
    return keep(tuple);
  }
  Object* L(std::initializer_list<Object*> items) {
    Object* list = list_new(0);
    for (Object* item : items) EXPECT_EQ(list_append(list, item), 0);
    return keep(list);
  }

  static std::string outcome(Object* result) {
    if (result == nullptr) {
      Ref exception = Ref::steal(take_exception());
      if (!exception) return "<nullptr without exception>";
      Ref summary = Ref::steal(exception_summary(exception.get()));
      return std::string(str_view(summary.get()));
    }
    EXPECT_FALSE(has_exception()) << "a result AND an exception";
    Ref owned = Ref::steal(result);
    Ref repr = Ref::steal(object_repr(owned.get()));
    return repr ? std::string(str_view(repr.get())) : outcome(nullptr);
  }

  std::string call(NativeMethod method, std::string_view self, std::vector<Object*> args,
                   std::vector<const char*> keywords = {}, std::vector<Object*> values = {}) {
    Object* receiver = S(self);
    Object* kwnames = nullptr;
    if (!keywords.empty()) {
      kwnames = tuple_new_uninitialized(static_cast<std::int64_t>(keywords.size()));
      for (std::size_t i = 0; i < keywords.size(); ++i)
        as_tuple(kwnames)->items[i] = str_intern(keywords[i]);
      keep(kwnames);
    }
    std::size_t nargs = args.size();
    args.insert(args.end(), values.begin(), values.end());
    return outcome(method(receiver, args.data(), nargs, kwnames));
  }

  void TearDown() override {
    pool_.clear();
    testing::ObjectTest::TearDown();
  }

 private:
  std::vector<Ref> pool_;
};

class StrFormat : public StrMethods {
 protected:
  Object* D(std::initializer_list<std::pair<Object*, Object*>> items) {
    Object* dict = keep(dict_new());
    for (const auto& [key, value] : items) EXPECT_EQ(dict_set_item(dict, key, value), 0);
    return dict;
  }
  Object* F(double value) { return keep(float_from_double(value)); }
  std::string percent(std::string_view format, Object* args) {
    return outcome(str_percent_format(S(format), args));
  }
  std::string format_value(Object* value, std::string_view spec) {
    return outcome(format_object(value, spec));
  }
};

TEST_F(StrFormat, StrFormatFields) {
  EXPECT_EQ(call(str_format, "{} {}", {S("a"), I(1)}), "'a 1'");
  EXPECT_EQ(call(str_format, "{1}{0}", {S("a"), S("b")}), "'ba'");
  EXPECT_EQ(call(str_format, "{x}-{y}", {}, {"x", "y"}, {I(1), S("é")}), "'1-é'");
  EXPECT_EQ(call(str_format, "{{}} {{{}}}", {I(5)}), "'{} {5}'");
  EXPECT_EQ(call(str_format, "{!r} {!s}", {S("é"), S("b")}), "\"'é' b\"");
  EXPECT_EQ(call(str_format, "{!a}", {S("é日😀")}), "\"'\\\\xe9\\\\u65e5\\\\U0001f600'\"");
  EXPECT_EQ(call(str_format, "{:>6}|{:<4}|{:^5}", {S("ab"), I(1), S("x")}), "'    ab|1   |  x  '");
  EXPECT_EQ(call(str_format, "{0:*^9,d}", {I(1234567)}), "'1,234,567'");
  EXPECT_EQ(call(str_format, "{:08.3s}", {S("abcdef")}), "'abc00000'");
  EXPECT_EQ(call(str_format, "{:x} {:#o} {:+d}", {I(255), I(8), I(3)}), "'ff 0o10 +3'");
  EXPECT_EQ(call(str_format, "{:{}}", {S("a"), I(4)}), "'a   '");
  EXPECT_EQ(call(str_format, "{0[1]}", {T({S("x"), S("y")})}), "'y'");
  EXPECT_EQ(call(str_format, "{a[0]}", {}, {"a"}, {L({S("z")})}), "'z'");
  EXPECT_EQ(call(str_format, "{:d}", {py_true()}), "'1'");
  EXPECT_EQ(call(str_format, "{}", {py_true()}), "'True'");
  EXPECT_EQ(call(str_format, "é{}ü", {S("日")}), "'é日ü'");
  EXPECT_EQ(call(str_format, "{!r:>5}", {S("a")}), "\"  'a'\"");
  EXPECT_EQ(call(str_format, "{:e}", {I(12345)}), "'1.234500e+04'");
  EXPECT_EQ(call(str_format, "{:.2%}", {I(1)}), "'100.00%'");
}

TEST_F(StrFormat, StrFormatErrors) {
  EXPECT_EQ(call(str_format, "}", {}), "ValueError: Single '}' encountered in format string");
  EXPECT_EQ(call(str_format, "{", {}), "ValueError: Single '{' encountered in format string");
  EXPECT_EQ(call(str_format, "x}y", {}), "ValueError: Single '}' encountered in format string");
  EXPECT_EQ(call(str_format, "{} {}", {I(1)}),
            "IndexError: Replacement index 1 out of range for positional args tuple");
  EXPECT_EQ(call(str_format, "{1}", {I(1)}),
            "IndexError: Replacement index 1 out of range for positional args tuple");
  EXPECT_EQ(call(str_format, "{x}", {}), "KeyError: 'x'");
  EXPECT_EQ(
      call(str_format, "{0}{}", {I(1), I(2)}),
      "ValueError: cannot switch from manual field specification to automatic field numbering");
  EXPECT_EQ(
      call(str_format, "{}{0}", {I(1), I(2)}),
      "ValueError: cannot switch from automatic field numbering to manual field specification");
  EXPECT_EQ(call(str_format, "{!x}", {I(1)}), "ValueError: Unknown conversion specifier x");
  EXPECT_EQ(call(str_format, "{0!}", {I(1)}), "ValueError: unmatched '{' in format spec");
  EXPECT_EQ(call(str_format, "{0!", {I(1)}),
            "ValueError: end of string while looking for conversion specifier");
  EXPECT_EQ(call(str_format, "{0!rr}", {I(1)}),
            "ValueError: expected ':' after conversion specifier");
  EXPECT_EQ(call(str_format, "{0", {I(1)}), "ValueError: expected '}' before end of string");
  EXPECT_EQ(call(str_format, "{0:", {I(1)}), "ValueError: unmatched '{' in format spec");
  EXPECT_EQ(call(str_format, "{0[x}", {I(1)}), "ValueError: expected '}' before end of string");
  EXPECT_EQ(call(str_format, "{0[]}", {I(1)}), "ValueError: Empty attribute in format string");
  EXPECT_EQ(call(str_format, "{:{:{}}}", {I(1), I(2), I(3)}),
            "ValueError: Max string recursion exceeded");
  EXPECT_EQ(call(str_format, "{:d}", {S("a")}),
            "ValueError: Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(call(str_format, "{:s}", {I(1)}),
            "ValueError: Unknown format code 's' for object of type 'int'");
  EXPECT_EQ(call(str_format, "{0[5]}", {T({S("a")})}), "IndexError: tuple index out of range");
  EXPECT_EQ(call(str_format, "{a{}}", {I(1)}), "ValueError: unexpected '{' in field name");
  EXPECT_EQ(call(str_format, "{:,s}", {S("a")}), "ValueError: Cannot specify ',' with 's'.");
  EXPECT_EQ(call(str_format, "{:=5}", {S("a")}),
            "ValueError: '=' alignment not allowed in string format specifier");
}

TEST_F(StrFormat, PercentFormatting) {
  EXPECT_EQ(percent("%s|%r|%d", T({S("é"), S("é"), I(42)})), "\"é|'é'|42\"");
  EXPECT_EQ(percent("%5s|%-5s|%.2s", T({S("ab"), S("cd"), S("xyz")})), "'   ab|cd   |xy'");
  EXPECT_EQ(percent("%05d|%+d|% d", T({I(42), I(42), I(42)})), "'00042|+42| 42'");
  EXPECT_EQ(percent("%x|%#X|%o|%#o", T({I(255), I(255), I(8), I(8)})), "'ff|0XFF|10|0o10'");
  EXPECT_EQ(percent("%c%c", T({I(65), S("é")})), "'Aé'");
  EXPECT_EQ(percent("%%|%s", T({S("x")})), "'%|x'");
  EXPECT_EQ(percent("%s", S("single")), "'single'");
  EXPECT_EQ(percent("%s", L({I(1), I(2)})), "'[1, 2]'");
  EXPECT_EQ(percent("%(a)s-%(b)d", D({{S("a"), S("x")}, {S("b"), I(2)}})), "'x-2'");
  EXPECT_EQ(percent("%*d|%-*d|", T({I(5), I(1), I(4), I(2)})), "'    1|2   |'");
  EXPECT_EQ(percent("%.3d", T({I(7)})), "'007'");
  EXPECT_EQ(percent("%d", py_true()), "'1'");
  EXPECT_EQ(percent("%e", I(12345)), "'1.234500e+04'");
  EXPECT_EQ(percent("%.2f", I(10)), "'10.00'");
  EXPECT_EQ(percent("%g", Big("100000000000000000000")), "'1e+20'");
  EXPECT_EQ(percent("%i", Big("1000000000000000000000000000000")),
            "'1000000000000000000000000000000'");
  EXPECT_EQ(percent("abc", L({})), "'abc'");
  EXPECT_EQ(percent("%s", T({})), "TypeError: not enough arguments for format string");
}

TEST_F(StrFormat, PercentFormattingErrors) {
  EXPECT_EQ(percent("%d", S("a")), "TypeError: %d format: a real number is required, not str");
  EXPECT_EQ(percent("%d %d", T({I(1)})), "TypeError: not enough arguments for format string");
  EXPECT_EQ(percent("%d", T({I(1), I(2)})),
            "TypeError: not all arguments converted during string formatting");
  EXPECT_EQ(percent("%z", I(1)), "ValueError: unsupported format character 'z' (0x7a) at index 1");
  EXPECT_EQ(percent("é%y", I(1)), "ValueError: unsupported format character 'y' (0x79) at index 2");
  EXPECT_EQ(percent("%c", S("ab")), "TypeError: %c requires int or char");
  EXPECT_EQ(percent("%c", I(1114112)), "OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(percent("%x", S("a")), "TypeError: %x format: an integer is required, not str");
  EXPECT_EQ(percent("%f", S("a")), "TypeError: must be real number, not str");
  EXPECT_EQ(percent("%", T({})), "ValueError: incomplete format");
  EXPECT_EQ(percent("%5", I(1)), "ValueError: incomplete format");
  EXPECT_EQ(percent("%(a)s", T({I(1)})), "TypeError: format requires a mapping");
  EXPECT_EQ(percent("%(a)s", D({})), "KeyError: 'a'");
  EXPECT_EQ(percent("%s", T({})), "TypeError: not enough arguments for format string");
  EXPECT_EQ(percent("%s %s", S("ab")), "TypeError: not enough arguments for format string");
  EXPECT_EQ(percent("%*d", T({S("a"), I(1)})), "TypeError: * wants int");
  EXPECT_EQ(percent("%ld|%hd|%Lf", T({I(5), I(6), I(1)})), "'5|6|1.000000'");
  EXPECT_EQ(percent("%(a)s %s", D({{S("a"), I(1)}})),
            "TypeError: not enough arguments for format string");
  EXPECT_EQ(percent("abc", I(5)),
            "TypeError: not all arguments converted during string formatting");
}

TEST_F(StrFormat, FormatObjectDispatchesOnType) {
  EXPECT_EQ(format_value(S("é"), ""), "'é'");
  EXPECT_EQ(format_value(S("é"), "^5"), "'  é  '");
  EXPECT_EQ(format_value(I(42), ""), "'42'");
  EXPECT_EQ(format_value(I(42), "x"), "'2a'");
  EXPECT_EQ(format_value(I(-42), "08,d"), "'-000,042'");
  EXPECT_EQ(format_value(py_true(), ""), "'True'");
  EXPECT_EQ(format_value(py_true(), ">5"), "'    1'");
  EXPECT_EQ(format_value(none(), ""), "'None'");
  EXPECT_EQ(format_value(none(), "x"),
            "TypeError: unsupported format string passed to NoneType.__format__");
  EXPECT_EQ(format_value(Big("1267650600228229401496703205376"), "_x"),
            "'10_0000_0000_0000_0000_0000_0000'");
  EXPECT_EQ(format_value(S("ab"), "d"),
            "ValueError: Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(format_value(I(1), "s"),
            "ValueError: Unknown format code 's' for object of type 'int'");
  EXPECT_EQ(format_value(I(12), ".2f"), "'12.00'");
  EXPECT_EQ(format_value(I(7), "z"),
            "ValueError: Negative zero coercion (z) not allowed in integer format specifier");
}

TEST_F(StrFormat, FloatsFormatThroughCoreText) {
  EXPECT_EQ(format_value(F(1.5), ""), "'1.5'");
  EXPECT_EQ(format_value(F(0.1), ".3f"), "'0.100'");
  EXPECT_EQ(format_value(F(1e+16), ""), "'1e+16'");
  EXPECT_EQ(format_value(F(-0.0), "z.1f"), "'0.0'");
  EXPECT_EQ(format_value(F(1234.5), ",.2f"), "'1,234.50'");
  EXPECT_EQ(format_value(F(std::numeric_limits<double>::quiet_NaN()), "+"), "'+nan'");
  EXPECT_EQ(format_value(F(std::numeric_limits<double>::infinity()), ">6"), "'   inf'");
  EXPECT_EQ(format_value(F(1.5), "d"),
            "ValueError: Unknown format code 'd' for object of type 'float'");
  EXPECT_EQ(format_value(F(2.5), "%"), "'250.000000%'");
  EXPECT_EQ(call(str_format, "{:.2e}|{:g}|{}", {F(12345.678), F(1e-05), F(1.0)}),
            "'1.23e+04|1e-05|1.0'");
  EXPECT_EQ(call(str_format, "{!r}", {F(0.1)}), "'0.1'");
  EXPECT_EQ(percent("%d|%i", T({F(2.7), F(-2.7)})), "'2|-2'");
  EXPECT_EQ(percent("%.2f|%e|%g|%G", T({F(3.14159), F(1.5), F(1e-05), F(1e+20)})),
            "'3.14|1.500000e+00|1e-05|1E+20'");
  EXPECT_EQ(percent("%5.1f|%-6.2f|%+.0f", T({F(2.25), F(1.0), F(2.5)})), "'  2.2|1.00  |+2'");
  EXPECT_EQ(percent("%x", F(1.5)), "TypeError: %x format: an integer is required, not float");
  EXPECT_EQ(percent("%o", F(1.5)), "TypeError: %o format: an integer is required, not float");
  EXPECT_EQ(percent("%d", F(std::numeric_limits<double>::quiet_NaN())),
            "ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(percent("%d", F(std::numeric_limits<double>::infinity())),
            "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(percent("%i", F(1e+20)), "'100000000000000000000'");
  EXPECT_EQ(percent("%c", F(65.0)), "TypeError: %c requires int or char");
  EXPECT_EQ(percent("%s|%r", T({F(1.0), F(1e-07)})), "'1.0|1e-07'");
}

}  // namespace
}  // namespace stitch
