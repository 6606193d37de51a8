// int(x[, base]), float(x), hex/oct/bin, format() and round() for ints and floats; expected
// values and messages from python3 3.11.7.
#include <gmp.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/object/bool.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/number_convert.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tests/object_test_support.h"

namespace stitch {
namespace {

using NumberConvert = testing::ObjectTest;

Ref small(std::int64_t value) { return Ref::steal(int_from_int64(value)); }
// 2**n as an int.
Ref power_of_two(unsigned long n) {
  mpz_t value;
  mpz_init(value);
  mpz_ui_pow_ui(value, 2, n);
  Ref result = Ref::steal(int_from_mpz(value));
  mpz_clear(value);
  return result;
}
Ref power_of_ten(unsigned long n) {
  mpz_t value;
  mpz_init(value);
  mpz_ui_pow_ui(value, 10, n);
  Ref result = Ref::steal(int_from_mpz(value));
  mpz_clear(value);
  return result;
}

// repr of an owned result, or "ExcType: message" when it is nullptr (the exception is cleared).
std::string show(Object* owned_result) {
  Ref result = Ref::steal(owned_result);
  if (!result) {
    Ref exception = Ref::steal(take_exception());
    if (!exception) return "<nullptr without exception>";
    Ref summary = Ref::steal(exception_summary(exception.get()));
    return summary ? std::string(str_view(summary.get())) : "<summary failed>";
  }
  Ref text = Ref::steal(object_repr(result.get()));
  return text ? std::string(str_view(text.get())) : "<repr failed>";
}


Ref real(double value) { return Ref::steal(float_from_double(value)); }
Ref text(const char* utf8) { return Ref::steal(str_from_utf8(utf8)); }
Object* round_of(Object* x, Object* digits = nullptr) { return number_round(x, digits); }

TEST_F(NumberConvert, IntFromObjectWithoutBase) {
  EXPECT_EQ(show(int_from_object(text(" 12 ").get(), nullptr)), "12");
  EXPECT_EQ(show(int_from_object(text(" +7 ").get(), nullptr)), "7");
  EXPECT_EQ(show(int_from_object(text("1_0").get(), nullptr)), "10");
  EXPECT_EQ(show(int_from_object(real(3.9).get(), nullptr)), "3");
  EXPECT_EQ(show(int_from_object(real(-3.9).get(), nullptr)), "-3");
  EXPECT_EQ(show(int_from_object(real(1e20).get(), nullptr)), "100000000000000000000");
  Ref one = Ref::steal(int_from_object(py_true(), nullptr));
  EXPECT_EQ(show(new_ref(one.get())), "1");
  EXPECT_EQ(type_of(one.get()), &int_type) << "int(True) is a plain int";
  EXPECT_EQ(show(int_from_object(text("abc").get(), nullptr)),
            "ValueError: invalid literal for int() with base 10: 'abc'");
  EXPECT_EQ(show(int_from_object(text("").get(), nullptr)), "ValueError: invalid literal for int() with base 10: ''");
  EXPECT_EQ(show(int_from_object(real(INFINITY).get(), nullptr)),
            "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(show(int_from_object(real(NAN).get(), nullptr)), "ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(show(int_from_object(none(), nullptr)),
            "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
}

TEST_F(NumberConvert, IntFromObjectWithBase) {
  EXPECT_EQ(show(int_from_object(text("0x1f").get(), small(16).get())), "31");
  EXPECT_EQ(show(int_from_object(text("0x1f").get(), small(0).get())), "31");
  EXPECT_EQ(show(int_from_object(text("12").get(), small(2).get())),
            "ValueError: invalid literal for int() with base 2: '12'");
  EXPECT_EQ(show(int_from_object(small(12).get(), small(10).get())),
            "TypeError: int() can't convert non-string with explicit base");
  EXPECT_EQ(show(int_from_object(text("z").get(), small(37).get())),
            "ValueError: int() base must be >= 2 and <= 36, or 0");
  EXPECT_EQ(show(int_from_object(text("10").get(), power_of_ten(20).get())),
            "ValueError: int() base must be >= 2 and <= 36, or 0");
  EXPECT_EQ(show(int_from_object(text("10").get(), real(2.0).get())),
            "TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(show(int_from_object(small(12).get(), real(2.0).get())),
            "TypeError: 'float' object cannot be interpreted as an integer")
      << "the base is checked first";
}

TEST_F(NumberConvert, FloatFromObject) {
  EXPECT_EQ(show(float_from_object(text("1e5").get())), "100000.0");
  EXPECT_EQ(show(float_from_object(text(" inf ").get())), "inf");
  EXPECT_EQ(show(float_from_object(text("-nan").get())), "nan");
  EXPECT_EQ(show(float_from_object(text("1_0.5").get())), "10.5");
  EXPECT_EQ(show(float_from_object(py_true())), "1.0");
  Ref above = Ref::steal(int_type.number.add(power_of_two(53).get(), small(1).get()));
  EXPECT_EQ(show(float_from_object(above.get())), "9007199254740992.0");
  EXPECT_EQ(show(float_from_object(power_of_two(63).get())), "9.223372036854776e+18");
  EXPECT_EQ(show(float_from_object(power_of_ten(400).get())), "OverflowError: int too large to convert to float");
  EXPECT_EQ(show(float_from_object(text("x").get())), "ValueError: could not convert string to float: 'x'");
  EXPECT_EQ(show(float_from_object(text("").get())), "ValueError: could not convert string to float: ''");
  EXPECT_EQ(show(float_from_object(none())),
            "TypeError: float() argument must be a string or a real number, not 'NoneType'");
  Ref same = real(2.5);
  Ref result = Ref::steal(float_from_object(same.get()));
  EXPECT_EQ(result.get(), same.get()) << "float(x) of an exact float is x";
}

TEST_F(NumberConvert, BaseStrings) {
  EXPECT_EQ(show(int_to_base_string(small(-255).get(), 16)), "'-0xff'");
  EXPECT_EQ(show(int_to_base_string(small(8).get(), 8)), "'0o10'");
  EXPECT_EQ(show(int_to_base_string(small(-5).get(), 2)), "'-0b101'");
  EXPECT_EQ(show(int_to_base_string(power_of_two(64).get(), 16)), "'0x10000000000000000'");
  EXPECT_EQ(show(int_to_base_string(py_true(), 2)), "'0b1'");
  EXPECT_EQ(show(int_to_base_string(real(1.5).get(), 16)),
            "TypeError: 'float' object cannot be interpreted as an integer");
}

TEST_F(NumberConvert, Format) {
  EXPECT_EQ(show(number_format(small(255).get(), text("x").get())), "'ff'");
  EXPECT_EQ(show(number_format(power_of_ten(20).get(), text(",").get())), "'100,000,000,000,000,000,000'");
  EXPECT_EQ(show(number_format(real(2.675).get(), text(".2f").get())), "'2.67'");
  EXPECT_EQ(show(number_format(py_true(), text("s").get())),
            "ValueError: Unknown format code 's' for object of type 'bool'");
  EXPECT_EQ(show(number_format(real(1.5).get(), text("d").get())),
            "ValueError: Unknown format code 'd' for object of type 'float'");
  EXPECT_EQ(show(number_format(small(1).get(), small(5).get())), "TypeError: format() argument 2 must be str, not int");
}

TEST_F(NumberConvert, RoundWithoutDigitsGivesIntHalfToEven) {
  EXPECT_EQ(show(round_of(real(2.5).get())), "2");
  EXPECT_EQ(show(round_of(real(3.5).get())), "4");
  EXPECT_EQ(show(round_of(real(-0.5).get())), "0");
  EXPECT_EQ(show(round_of(real(-1.5).get())), "-2");
  EXPECT_EQ(show(round_of(real(0.5).get())), "0");
  EXPECT_EQ(show(round_of(real(-1e20).get())), "-100000000000000000000");
  EXPECT_EQ(show(round_of(real(9223372036854775808.0).get())), "9223372036854775808");
  EXPECT_EQ(show(round_of(real(1.5).get(), none())), "2");
  EXPECT_EQ(show(round_of(small(25).get(), none())), "25");
  EXPECT_EQ(show(round_of(py_true())), "1");
  EXPECT_EQ(show(round_of(real(INFINITY).get())), "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(show(round_of(real(NAN).get())), "ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(show(round_of(none())), "TypeError: type NoneType doesn't define __round__ method");
}

TEST_F(NumberConvert, RoundFloatWithDigitsIsExact) {
  EXPECT_EQ(show(round_of(real(2.675).get(), small(2).get())), "2.67");
  EXPECT_EQ(show(round_of(real(0.5).get(), small(0).get())), "0.0");
  EXPECT_EQ(show(round_of(real(-0.4).get(), small(0).get())), "-0.0");
  EXPECT_EQ(show(round_of(real(-0.5).get(), small(0).get())), "-0.0");
  EXPECT_EQ(show(round_of(real(123.456).get(), small(-1).get())), "120.0");
  EXPECT_EQ(show(round_of(real(123.456).get(), small(-2).get())), "100.0");
  EXPECT_EQ(show(round_of(real(1234.5678).get(), small(-2).get())), "1200.0");
  EXPECT_EQ(show(round_of(real(-1234.5678).get(), small(2).get())), "-1234.57");
  EXPECT_EQ(show(round_of(real(0.1 + 0.2).get(), small(16).get())), "0.3");
  EXPECT_EQ(show(round_of(real(1e300).get(), small(5).get())), "1e+300");
  EXPECT_EQ(show(round_of(real(5e-324).get(), small(323).get())), "0.0");
  EXPECT_EQ(show(round_of(real(5e-324).get(), small(324).get())), "5e-324");
  EXPECT_EQ(show(round_of(real(-1e-300).get(), small(2).get())), "-0.0");
  EXPECT_EQ(show(round_of(real(-0.0).get(), small(-2).get())), "-0.0");
  EXPECT_EQ(show(round_of(real(std::ldexp(1.5, 1023)).get(), small(-300).get())), "1.34826985e+308");
  EXPECT_EQ(show(round_of(real(1.23).get(), power_of_ten(20).get())), "1.23");
  Ref minus_huge = Ref::steal(int_type.number.negative(power_of_ten(20).get()));
  EXPECT_EQ(show(round_of(real(1.23).get(), minus_huge.get())), "0.0");
  EXPECT_EQ(show(round_of(real(INFINITY).get(), small(2).get())), "inf");
  EXPECT_EQ(show(round_of(real(1.5e308).get(), small(-308).get())),
            "OverflowError: rounded value too large to represent");
  EXPECT_EQ(show(round_of(real(1.0).get(), real(2.0).get())),
            "TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(show(round_of(real(1.5).get(), text("a").get())),
            "TypeError: 'str' object cannot be interpreted as an integer");
}

TEST_F(NumberConvert, RoundIntWithDigits) {
  EXPECT_EQ(show(round_of(small(15).get(), small(-1).get())), "20");
  EXPECT_EQ(show(round_of(small(25).get(), small(-1).get())), "20");
  EXPECT_EQ(show(round_of(small(-25).get(), small(-1).get())), "-20");
  EXPECT_EQ(show(round_of(small(7).get(), small(2).get())), "7");
  EXPECT_EQ(show(round_of(py_true(), small(1).get())), "1");
  EXPECT_EQ(show(round_of(power_of_ten(30).get(), small(-29).get())), "1000000000000000000000000000000");
  Ref minus = Ref::steal(int_type.number.negative(power_of_two(70).get()));
  EXPECT_EQ(show(round_of(minus.get(), small(-5).get())), "-1180591620717411300000");
  EXPECT_EQ(show(round_of(small(12345).get(), small(-400).get())), "0");
  EXPECT_EQ(show(round_of(small(5).get(), small(-1).get())), "0");
  EXPECT_EQ(show(round_of(small(6).get(), small(-1).get())), "10");
  EXPECT_EQ(show(round_of(small(12345).get(), minus.get())), "0");
}

}  // namespace
}  // namespace stitch
