// float: repr, hash, exact comparison with ints, arithmetic with ints on either side, Python's
// sign rules for // and %, power's special cases, int(float); expected values from python3 3.11.7.
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

using FloatType = testing::ObjectTest;

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

// a OP b with Python's dispatch as type.h describes it: left type's slot, then the right's.
Object* binary(Object* a, Object* b, BinarySlot NumberSlots::*slot) {
  BinarySlot left = type_of(a)->number.*slot;
  if (left != nullptr) {
    Object* result = left(a, b);
    if (result != not_implemented()) return result;
    decref(result);
  }
  BinarySlot right = type_of(b)->number.*slot;
  if (right != nullptr && right != left) return right(a, b);
  return raise_error(&type_error_type, "unsupported operand type(s)");
}
Object* power(Object* a, Object* b, Object* modulus = nullptr) {
  Object* result = type_of(a)->number.power(a, b, modulus != nullptr ? modulus : none());
  if (result != not_implemented()) return result;
  decref(result);
  return type_of(b)->number.power(a, b, modulus != nullptr ? modulus : none());
}

Ref real(double value) { return Ref::steal(float_from_double(value)); }
Object* compare(Object* a, Object* b, CompareOp op) { return object_rich_compare(a, b, op); }

constexpr auto kAdd = &NumberSlots::add;
constexpr auto kSub = &NumberSlots::subtract;
constexpr auto kMul = &NumberSlots::multiply;
constexpr auto kFloorDiv = &NumberSlots::floor_divide;
constexpr auto kMod = &NumberSlots::remainder;
constexpr auto kDivmod = &NumberSlots::divmod;
constexpr auto kDiv = &NumberSlots::true_divide;

TEST_F(FloatType, ReprAndHash) {
  EXPECT_EQ(show(float_from_double(1e16)), "1e+16");
  EXPECT_EQ(show(float_from_double(1e-5)), "1e-05");
  EXPECT_EQ(show(float_from_double(-0.0)), "-0.0");
  EXPECT_EQ(show(float_from_double(1.0)), "1.0");
  EXPECT_EQ(object_hash(real(-1.0).get()), -2);
  EXPECT_EQ(object_hash(real(1.5).get()), 1152921504606846977);
  EXPECT_EQ(object_hash(real(INFINITY).get()), 314159);
  EXPECT_EQ(object_hash(real(-INFINITY).get()), -314159);
  EXPECT_EQ(object_hash(real(std::ldexp(1.0, 61)).get()), 1);
  EXPECT_EQ(object_hash(real(3.0).get()), object_hash(small(3).get())) << "3.0 and 3 must collide";
  Ref nan1 = real(NAN), nan2 = real(NAN);
  EXPECT_NE(object_hash(nan1.get()), object_hash(nan2.get())) << "nan hashes by identity";
  EXPECT_EQ(object_hash(nan1.get()), object_hash(nan1.get()));
  EXPECT_TRUE(is_float(nan1.get()));
  EXPECT_FALSE(is_float(small(1).get()));
}

TEST_F(FloatType, ExactComparisonWithInts) {
  Ref above = Ref::steal(binary(power_of_two(53).get(), small(1).get(), kAdd));
  Ref rounded = Ref::steal(float_type.number.add(above.get(), real(0.0).get()));  // float(2**53+1)
  EXPECT_EQ(show(compare(above.get(), rounded.get(), CompareOp::kEq)), "False");
  EXPECT_EQ(show(compare(above.get(), real(9007199254740992.0).get(), CompareOp::kGt)), "True");
  EXPECT_EQ(show(compare(real(9007199254740992.0).get(), above.get(), CompareOp::kLt)), "True");
  EXPECT_EQ(show(compare(power_of_ten(400).get(), real(INFINITY).get(), CompareOp::kGt)), "False");
  Ref minus_huge = Ref::steal(int_type.number.negative(power_of_ten(400).get()));
  EXPECT_EQ(show(compare(minus_huge.get(), real(-INFINITY).get(), CompareOp::kLt)), "False");
  EXPECT_EQ(show(compare(real(1.5).get(), small(1).get(), CompareOp::kGt)), "True");
  EXPECT_EQ(show(compare(real(-1.5).get(), small(-1).get(), CompareOp::kLt)), "True");
  EXPECT_EQ(show(compare(real(-0.0).get(), small(0).get(), CompareOp::kEq)), "True");
  EXPECT_EQ(show(compare(real(1.0).get(), py_true(), CompareOp::kEq)), "True");
  EXPECT_EQ(show(compare(real(NAN).get(), real(NAN).get(), CompareOp::kEq)), "False");
  EXPECT_EQ(show(compare(real(NAN).get(), small(1).get(), CompareOp::kNe)), "True");
  EXPECT_EQ(show(compare(real(NAN).get(), small(1).get(), CompareOp::kLe)), "False");
  Ref big_float = real(std::ldexp(1.0, 70) + std::ldexp(1.0, 18));
  Ref big_int = Ref::steal(binary(power_of_two(70).get(), power_of_two(18).get(), kAdd));
  EXPECT_EQ(show(compare(big_float.get(), big_int.get(), CompareOp::kEq)), "True");
  Ref big_int_plus = Ref::steal(binary(big_int.get(), small(1).get(), kAdd));
  EXPECT_EQ(show(compare(big_float.get(), big_int_plus.get(), CompareOp::kLt)), "True");
  Ref text = Ref::steal(str_from_utf8("1"));
  Object* result = float_type.rich_compare(real(1.0).get(), text.get(), CompareOp::kEq);
  EXPECT_EQ(result, not_implemented());
  decref(result);
}

TEST_F(FloatType, ArithmeticWithIntsOnEitherSide) {
  EXPECT_EQ(show(binary(real(3.0).get(), py_true(), kMul)), "3.0");
  EXPECT_EQ(show(binary(small(1).get(), real(0.5).get(), kAdd)), "1.5");
  EXPECT_EQ(show(binary(small(1).get(), real(0.25).get(), kSub)), "0.75");
  EXPECT_EQ(show(binary(small(1).get(), real(4.0).get(), kDiv)), "0.25");
  EXPECT_EQ(show(binary(real(1e308).get(), small(10).get(), kMul)), "inf");
  EXPECT_EQ(show(binary(real(1.0).get(), power_of_ten(400).get(), kAdd)),
            "OverflowError: int too large to convert to float");
  EXPECT_EQ(show(binary(power_of_ten(400).get(), real(1.0).get(), kAdd)),
            "OverflowError: int too large to convert to float");
  Ref text = Ref::steal(str_from_utf8("x"));
  Object* result = float_type.number.add(real(1.0).get(), text.get());
  EXPECT_EQ(result, not_implemented());
  decref(result);
}

TEST_F(FloatType, DivisionByZeroMessages) {
  EXPECT_EQ(show(binary(real(1.0).get(), small(0).get(), kDiv)), "ZeroDivisionError: float division by zero");
  EXPECT_EQ(show(binary(real(1.0).get(), real(0.0).get(), kDiv)), "ZeroDivisionError: float division by zero");
  EXPECT_EQ(show(binary(real(1.0).get(), small(0).get(), kFloorDiv)),
            "ZeroDivisionError: float floor division by zero");
  EXPECT_EQ(show(binary(real(1.0).get(), small(0).get(), kMod)), "ZeroDivisionError: float modulo");
  EXPECT_EQ(show(binary(real(1.0).get(), small(0).get(), kDivmod)), "ZeroDivisionError: float divmod()");
  EXPECT_EQ(show(binary(small(1).get(), real(0.0).get(), kDiv)), "ZeroDivisionError: float division by zero");
}

TEST_F(FloatType, FloorDivisionAndModuloSignRules) {
  EXPECT_EQ(show(binary(real(-7.5).get(), small(2).get(), kDivmod)), "(-4.0, 0.5)");
  EXPECT_EQ(show(binary(real(7.5).get(), small(-2).get(), kDivmod)), "(-4.0, -0.5)");
  EXPECT_EQ(show(binary(real(-7.5).get(), small(2).get(), kFloorDiv)), "-4.0");
  EXPECT_EQ(show(binary(real(-7.5).get(), small(2).get(), kMod)), "0.5");
  EXPECT_EQ(show(binary(real(7.5).get(), small(-2).get(), kMod)), "-0.5");
  EXPECT_EQ(show(binary(real(-0.0).get(), small(1).get(), kMod)), "0.0");
  EXPECT_EQ(show(binary(real(0.0).get(), small(-1).get(), kMod)), "-0.0");
  EXPECT_EQ(show(binary(real(1.0).get(), real(0.1).get(), kFloorDiv)), "9.0");
  EXPECT_EQ(show(binary(real(1.0).get(), real(0.1).get(), kMod)), "0.09999999999999995");
  EXPECT_EQ(show(binary(real(-1.0).get(), real(3.0).get(), kFloorDiv)), "-1.0");
  EXPECT_EQ(show(binary(real(0.0).get(), real(-3.0).get(), kFloorDiv)), "-0.0");
}

TEST_F(FloatType, PowerSpecialCases) {
  EXPECT_EQ(show(power(real(2.0).get(), real(0.5).get())), "1.4142135623730951");
  EXPECT_EQ(show(power(small(2).get(), real(0.5).get())), "1.4142135623730951");
  EXPECT_EQ(show(power(small(2).get(), real(-1.5).get())), "0.3535533905932738");
  EXPECT_EQ(show(power(real(-1.5).get(), small(3).get())), "-3.375");
  EXPECT_EQ(show(power(real(1.0).get(), real(NAN).get())), "1.0");
  EXPECT_EQ(show(power(real(NAN).get(), small(0).get())), "1.0");
  EXPECT_EQ(show(power(real(-1.0).get(), real(INFINITY).get())), "1.0");
  EXPECT_EQ(show(power(real(0.0).get(), real(INFINITY).get())), "0.0");
  EXPECT_EQ(show(power(real(INFINITY).get(), small(-3).get())), "0.0");
  EXPECT_EQ(show(power(real(-INFINITY).get(), small(3).get())), "-inf");
  EXPECT_EQ(show(power(real(-0.0).get(), small(3).get())), "-0.0");
  EXPECT_EQ(show(power(real(0.0).get(), small(-1).get())), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(show(power(real(-0.0).get(), small(-2).get())), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(show(power(real(10.0).get(), small(400).get())), "OverflowError: (34, 'Numerical result out of range')");
  EXPECT_EQ(show(power(real(1.5).get(), real(1e6).get())), "OverflowError: (34, 'Numerical result out of range')");
  EXPECT_EQ(show(power(real(-8.0).get(), real(1.0 / 3).get())),
            "ValueError: negative number cannot be raised to a fractional power");
  EXPECT_EQ(show(power(real(2.0).get(), small(3).get(), small(5).get())),
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
  EXPECT_EQ(show(power(small(2).get(), real(3.0).get(), small(5).get())),
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
}

TEST_F(FloatType, OverflowErrorOfPowerCarriesErrnoArgs) {
  EXPECT_EQ(power(real(10.0).get(), small(400).get()), nullptr);
  Ref exception = Ref::steal(take_exception());
  ASSERT_TRUE(exception);
  EXPECT_EQ(type_of(exception.get()), &overflow_error_type);
  EXPECT_EQ(show(new_ref(static_cast<ExceptionObject*>(exception.get())->args)),
            "(34, 'Numerical result out of range')");
}

TEST_F(FloatType, UnaryTruthAndIntConversion) {
  EXPECT_EQ(show(float_type.number.negative(real(0.0).get())), "-0.0");
  EXPECT_EQ(show(float_type.number.absolute(real(-2.5).get())), "2.5");
  EXPECT_EQ(float_type.number.is_true(real(0.0).get()), 0);
  EXPECT_EQ(float_type.number.is_true(real(NAN).get()), 1);
  EXPECT_EQ(show(float_type.number.to_int(real(-3.9).get())), "-3");
  EXPECT_EQ(show(float_type.number.to_int(real(-0.5).get())), "0");
  EXPECT_EQ(show(float_type.number.to_int(real(1e20).get())), "100000000000000000000");
  EXPECT_EQ(show(float_type.number.to_int(real(9223372036854775808.0).get())), "9223372036854775808");
  EXPECT_EQ(show(float_type.number.to_int(real(-9223372036854775808.0).get())), "-9223372036854775808");
  EXPECT_EQ(show(float_type.number.to_int(real(INFINITY).get())),
            "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(show(float_type.number.to_int(real(NAN).get())), "ValueError: cannot convert float NaN to integer");
}

}  // namespace
}  // namespace stitch
