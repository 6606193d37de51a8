// int's number slots (and bool's), checked against python3 3.11.7: every expected repr and
// message below was printed by python3.
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

using IntArithmetic = testing::ObjectTest;

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

constexpr auto kAdd = &NumberSlots::add;
constexpr auto kSub = &NumberSlots::subtract;
constexpr auto kMul = &NumberSlots::multiply;
constexpr auto kFloorDiv = &NumberSlots::floor_divide;
constexpr auto kMod = &NumberSlots::remainder;
constexpr auto kDivmod = &NumberSlots::divmod;
constexpr auto kDiv = &NumberSlots::true_divide;
constexpr auto kLshift = &NumberSlots::lshift;
constexpr auto kRshift = &NumberSlots::rshift;
constexpr auto kAnd = &NumberSlots::bit_and;
constexpr auto kOr = &NumberSlots::bit_or;
constexpr auto kXor = &NumberSlots::bit_xor;

TEST_F(IntArithmetic, AddSubtractMultiplySmall) {
  EXPECT_EQ(show(binary(small(2).get(), small(3).get(), kAdd)), "5");
  EXPECT_EQ(show(binary(small(2).get(), small(-7).get(), kSub)), "9");
  EXPECT_EQ(show(binary(small(-6).get(), small(7).get(), kMul)), "-42");
  EXPECT_EQ(binary(small(500).get(), small(500).get(), kAdd), int_from_int64(1000))
      << "small results are the cached immortals";
}

TEST_F(IntArithmetic, OverflowPromotesToBigAndBackDemotes) {
  Ref max = small(INT64_MAX);
  Ref sum = Ref::steal(binary(max.get(), small(1).get(), kAdd));
  EXPECT_EQ(show(new_ref(sum.get())), "9223372036854775808");  // (2**63-1)+1
  EXPECT_FALSE(int_is_small(sum.get()));
  Ref back = Ref::steal(binary(sum.get(), small(1).get(), kSub));
  EXPECT_TRUE(int_is_small(back.get())) << "results are normalized";
  EXPECT_EQ(show(binary(small(3).get(), power_of_two(62).get(), kMul)), "13835058055282163712");
  EXPECT_EQ(show(binary(small(INT64_MIN).get(), small(-1).get(), kMul)), "9223372036854775808");
  Ref zero = Ref::steal(binary(power_of_two(64).get(), small(0).get(), kMul));
  EXPECT_EQ(zero.get(), int_from_int64(0));
}

TEST_F(IntArithmetic, FloorDivisionAndModuloRoundTowardMinusInfinity) {
  EXPECT_EQ(show(binary(small(-7).get(), small(2).get(), kFloorDiv)), "-4");
  EXPECT_EQ(show(binary(small(-7).get(), small(2).get(), kMod)), "1");
  EXPECT_EQ(show(binary(small(7).get(), small(-2).get(), kMod)), "-1");
  EXPECT_EQ(show(binary(small(-7).get(), small(2).get(), kDivmod)), "(-4, 1)");
  EXPECT_EQ(show(binary(small(INT64_MIN).get(), small(-1).get(), kFloorDiv)), "9223372036854775808");
  EXPECT_EQ(show(binary(small(INT64_MIN).get(), small(-1).get(), kMod)), "0");
}

TEST_F(IntArithmetic, BigFloorDivisionAndModulo) {
  Ref huge = power_of_ten(400);
  EXPECT_EQ(show(binary(huge.get(), power_of_ten(399).get(), kFloorDiv)), "10");
  EXPECT_EQ(show(binary(huge.get(), small(7).get(), kMod)), "4");
  Ref minus_huge = Ref::steal(int_type.number.negative(huge.get()));
  EXPECT_EQ(show(binary(minus_huge.get(), small(7).get(), kMod)), "3");
  EXPECT_EQ(show(binary(huge.get(), small(-7).get(), kDivmod)),  // divmod(10**400, -7)
            "(-1428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571428571429, -3)");
  Ref numerator = Ref::steal(int_type.number.negative(power_of_two(1100).get()));
  EXPECT_EQ(show(binary(numerator.get(), small(3).get(), kFloorDiv)),  // -(2**1100) // 3
            "-4527661763497952830924504761197555928678312823105815165828398899092710309180806162401797361069186864099526087651282461158346241847744976657051849447600209573961921166468796777260954714721560243588945720175407725504266145257376652184451762010734360126925253244106732995031628001356372041028049291812394552822488382982930184248055126");
}

TEST_F(IntArithmetic, DivisionByZeroMessages) {
  EXPECT_EQ(show(binary(small(1).get(), small(0).get(), kFloorDiv)),
            "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(show(binary(small(1).get(), small(0).get(), kMod)), "ZeroDivisionError: integer modulo by zero");
  EXPECT_EQ(show(binary(small(1).get(), small(0).get(), kDivmod)),
            "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(show(binary(small(1).get(), small(0).get(), kDiv)), "ZeroDivisionError: division by zero");
  EXPECT_EQ(show(binary(power_of_two(80).get(), small(0).get(), kFloorDiv)),
            "ZeroDivisionError: integer division or modulo by zero");
}

TEST_F(IntArithmetic, TrueDivisionIsCorrectlyRounded) {
  EXPECT_EQ(show(binary(small(7).get(), small(2).get(), kDiv)), "3.5");
  EXPECT_EQ(show(binary(small(-7).get(), small(2).get(), kDiv)), "-3.5");
  EXPECT_EQ(show(binary(small(1).get(), small(3).get(), kDiv)), "0.3333333333333333");
  EXPECT_EQ(show(binary(power_of_ten(400).get(), power_of_ten(399).get(), kDiv)), "10.0");
  EXPECT_EQ(show(binary(small(1).get(), power_of_ten(400).get(), kDiv)), "0.0");
  Ref just_above = Ref::steal(binary(power_of_two(53).get(), small(1).get(), kAdd));
  EXPECT_EQ(show(binary(just_above.get(), small(1).get(), kDiv)), "9007199254740992.0");
  Ref tie = Ref::steal(binary(power_of_two(54).get(), small(1).get(), kAdd));
  EXPECT_EQ(show(binary(tie.get(), power_of_two(54).get(), kDiv)), "1.0");
  Ref minus_huge = Ref::steal(int_type.number.negative(power_of_ten(400).get()));
  EXPECT_EQ(show(binary(small(0).get(), minus_huge.get(), kDiv)), "-0.0");
  EXPECT_EQ(show(binary(small(0).get(), small(-5).get(), kDiv)), "-0.0");
}

TEST_F(IntArithmetic, TrueDivisionOverflow) {
  EXPECT_EQ(show(binary(power_of_ten(400).get(), small(3).get(), kDiv)),
            "OverflowError: integer division result too large for a float");
  EXPECT_EQ(show(binary(power_of_two(1024).get(), small(1).get(), kDiv)),
            "OverflowError: integer division result too large for a float");
  EXPECT_EQ(show(binary(power_of_two(1100).get(), small(1).get(), kDiv)),
            "OverflowError: integer division result too large for a float");
}

TEST_F(IntArithmetic, TrueDivisionMatchesHardwareOnExactOperands) {
  // For operands exact in double, IEEE division is correctly rounded: the big-int path must agree,
  // subnormal results included.
  const double numerators[] = {1, 2, 3, 7, 10, 12345, 9007199254740991.0, 4503599627370497.0};
  const double denominators[] = {3, 7, 10, 49, 1e15, 9007199254740991.0};
  for (double n : numerators) {
    for (double d : denominators) {
      mpz_t a, b;
      mpz_init_set_d(a, n);
      mpz_init_set_d(b, d);
      mpz_mul_2exp(a, a, 100);  // scale both: same quotient, forces the exact path
      mpz_mul_2exp(b, b, 100);
      double result = 0;
      ASSERT_TRUE(mpz_ratio_to_double(a, b, &result));
      EXPECT_EQ(result, n / d) << n << " / " << d;
      mpz_clear(a);
      mpz_clear(b);
    }
  }
  // 2**-1075 exactly is a tie between 0 and the smallest subnormal: to even (0); a hair above
  // rounds up.
  mpz_t one, denominator;
  mpz_init_set_ui(one, 1);
  mpz_init(denominator);
  mpz_ui_pow_ui(denominator, 2, 1075);
  double result = 1;
  ASSERT_TRUE(mpz_ratio_to_double(one, denominator, &result));
  EXPECT_EQ(result, 0.0);
  mpz_sub_ui(denominator, denominator, 1);
  ASSERT_TRUE(mpz_ratio_to_double(one, denominator, &result));
  EXPECT_EQ(result, 5e-324);
  mpz_clear(one);
  mpz_clear(denominator);
}

TEST_F(IntArithmetic, PowerWithNonNegativeExponent) {
  EXPECT_EQ(show(power(small(3).get(), small(40).get())), "12157665459056928801");
  EXPECT_EQ(show(power(small(-3).get(), small(3).get())), "-27");
  EXPECT_EQ(show(power(small(-2).get(), small(63).get())), "-9223372036854775808");
  EXPECT_EQ(show(power(small(2).get(), small(63).get())), "9223372036854775808");
  EXPECT_EQ(show(power(small(0).get(), small(0).get())), "1");
  EXPECT_EQ(show(power(power_of_two(63).get(), small(2).get())), "85070591730234615865843651857942052864");
  EXPECT_EQ(show(power(small(-1).get(), power_of_two(100).get())), "1");
  EXPECT_EQ(show(power(small(1).get(), power_of_two(100).get())), "1");
}

TEST_F(IntArithmetic, PowerWithNegativeExponentIsFloat) {
  EXPECT_EQ(show(power(small(2).get(), small(-1).get())), "0.5");
  EXPECT_EQ(show(power(small(-8).get(), small(-1).get())), "-0.125");
  EXPECT_EQ(show(power(small(10).get(), small(-400).get())), "0.0");
  EXPECT_EQ(show(power(small(0).get(), small(-1).get())),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(show(power(power_of_ten(400).get(), small(-1).get())), "OverflowError: int too large to convert to float");
}

TEST_F(IntArithmetic, ModularPower) {
  EXPECT_EQ(show(power(small(3).get(), small(-1).get(), small(7).get())), "5");
  EXPECT_EQ(show(power(small(3).get(), small(-1).get(), small(-7).get())), "-2");
  EXPECT_EQ(show(power(small(3).get(), small(2).get(), small(-7).get())), "-5");
  EXPECT_EQ(show(power(small(5).get(), small(0).get(), small(1).get())), "0");
  EXPECT_EQ(show(power(small(7).get(), small(0).get(), small(-5).get())), "-4");
  EXPECT_EQ(show(power(small(-3).get(), small(3).get(), small(5).get())), "3");
  EXPECT_EQ(show(power(small(-3).get(), small(-1).get(), small(5).get())), "3");
  EXPECT_EQ(show(power(small(3).get(), small(-2).get(), small(1).get())), "0");
  EXPECT_EQ(show(power(small(2).get(), power_of_ten(20).get(), small(1000).get())), "376");
  EXPECT_EQ(show(power(small(2).get(), small(3).get(), small(0).get())), "ValueError: pow() 3rd argument cannot be 0");
  EXPECT_EQ(show(power(small(2).get(), small(-1).get(), small(4).get())),
            "ValueError: base is not invertible for the given modulus");
  EXPECT_EQ(show(power(small(0).get(), small(-1).get(), small(5).get())),
            "ValueError: base is not invertible for the given modulus");
}

TEST_F(IntArithmetic, Shifts) {
  EXPECT_EQ(show(binary(small(1).get(), small(70).get(), kLshift)), "1180591620717411303424");
  EXPECT_EQ(show(binary(small(-3).get(), small(62).get(), kLshift)), "-13835058055282163712");
  EXPECT_EQ(show(binary(small(5).get(), small(2).get(), kLshift)), "20");
  EXPECT_EQ(show(binary(small(-5).get(), small(1).get(), kRshift)), "-3");
  EXPECT_EQ(show(binary(small(5).get(), power_of_two(63).get(), kRshift)), "0");
  EXPECT_EQ(show(binary(small(-5).get(), power_of_two(100).get(), kRshift)), "-1");
  EXPECT_EQ(show(binary(small(-1).get(), small(1000).get(), kRshift)), "-1");
  Ref minus_big = Ref::steal(int_type.number.negative(power_of_two(70).get()));
  EXPECT_EQ(show(binary(minus_big.get(), small(3).get(), kRshift)), "-147573952589676412928");
  EXPECT_EQ(show(binary(small(0).get(), power_of_two(64).get(), kLshift)), "0");
  EXPECT_EQ(show(binary(small(1).get(), small(-1).get(), kLshift)), "ValueError: negative shift count");
  EXPECT_EQ(show(binary(small(1).get(), small(-1).get(), kRshift)), "ValueError: negative shift count");
  EXPECT_EQ(show(binary(small(1).get(), power_of_two(64).get(), kLshift)), "MemoryError");
}

TEST_F(IntArithmetic, BitwiseOnNegativesIsTwosComplement) {
  EXPECT_EQ(show(binary(small(-5).get(), small(3).get(), kAnd)), "3");
  EXPECT_EQ(show(binary(small(-5).get(), small(3).get(), kOr)), "-5");
  EXPECT_EQ(show(binary(small(-5).get(), small(3).get(), kXor)), "-8");
  EXPECT_EQ(show(int_type.number.invert(small(-5).get())), "4");
  Ref minus_big = Ref::steal(int_type.number.negative(power_of_two(70).get()));
  Ref mask = Ref::steal(binary(power_of_two(65).get(), small(1).get(), kSub));
  EXPECT_EQ(show(binary(minus_big.get(), mask.get(), kAnd)), "0");
  EXPECT_EQ(show(binary(minus_big.get(), small(-1).get(), kXor)), "1180591620717411303423");
  EXPECT_EQ(show(int_type.number.invert(minus_big.get())), "1180591620717411303423");
}

TEST_F(IntArithmetic, BoolArithmeticGivesIntsAndBitwiseKeepsBool) {
  EXPECT_EQ(show(binary(py_true(), py_true(), kAdd)), "2");
  EXPECT_EQ(binary(py_true(), py_false(), kAnd), py_false());
  EXPECT_EQ(binary(py_true(), py_false(), kOr), py_true());
  EXPECT_EQ(binary(py_true(), py_true(), kXor), py_false());
  EXPECT_EQ(show(binary(py_true(), small(1).get(), kAnd)), "1") << "True & 1 is an int";
  EXPECT_EQ(show(int_type.number.bit_and(py_true(), py_false())), "0") << "int.__and__(True, False)";
  EXPECT_EQ(show(bool_type.number.invert(py_true())), "-2");
  EXPECT_EQ(show(bool_type.number.negative(py_true())), "-1");
  Ref plus = Ref::steal(bool_type.number.positive(py_true()));
  EXPECT_EQ(type_of(plus.get()), &int_type) << "+True is the int 1";
  EXPECT_EQ(show(binary(py_true(), small(1).get(), kLshift)), "2");
  EXPECT_EQ(show(binary(py_true(), py_false(), kRshift)), "1");
}

TEST_F(IntArithmetic, UnaryAndConversions) {
  EXPECT_EQ(show(int_type.number.negative(small(INT64_MIN).get())), "9223372036854775808");
  EXPECT_EQ(show(int_type.number.absolute(small(INT64_MIN).get())), "9223372036854775808");
  EXPECT_EQ(show(int_type.number.absolute(small(-7).get())), "7");
  Ref minus_big = Ref::steal(int_type.number.negative(power_of_two(70).get()));
  EXPECT_EQ(show(int_type.number.absolute(minus_big.get())), "1180591620717411303424");
  EXPECT_EQ(show(int_type.number.to_float(power_of_two(70).get())), "1.1805916207174113e+21");
  EXPECT_EQ(show(int_type.number.to_float(power_of_ten(400).get())),
            "OverflowError: int too large to convert to float");
  EXPECT_EQ(show(bool_type.number.to_int(py_true())), "1");
  EXPECT_EQ(show(bool_type.number.index(py_false())), "0");
  EXPECT_EQ(int_type.number.is_true(small(0).get()), 0);
  EXPECT_EQ(int_type.number.is_true(minus_big.get()), 1);
}

TEST_F(IntArithmetic, NonIntOperandsGiveNotImplemented) {
  Ref text = Ref::steal(str_from_utf8("x"));
  const BinarySlot NumberSlots::*slots[] = {&NumberSlots::add,      &NumberSlots::subtract,
                                            &NumberSlots::multiply, &NumberSlots::floor_divide,
                                            &NumberSlots::remainder, &NumberSlots::divmod,
                                            &NumberSlots::true_divide, &NumberSlots::lshift,
                                            &NumberSlots::rshift,   &NumberSlots::bit_and,
                                            &NumberSlots::bit_or,   &NumberSlots::bit_xor};
  for (auto slot : slots) {
    Object* result = (int_type.number.*slot)(small(1).get(), text.get());
    EXPECT_EQ(result, not_implemented());
    decref(result);
    result = (int_type.number.*slot)(text.get(), small(1).get());
    EXPECT_EQ(result, not_implemented());
    decref(result);
  }
  Object* result = int_type.number.power(small(2).get(), small(3).get(), text.get());
  EXPECT_EQ(result, not_implemented());
  decref(result);
}

TEST_F(IntArithmetic, TrueDivisionOfRandomBigIntsMatchesPython) {
  // (a, b, repr(a / b)) from python3 with random.seed(7): a up to 1200 bits, signed; b positive.
  struct Case {
    const char* numerator;
    const char* denominator;
    const char* quotient;
  };
  const Case cases[] = {
      {"0x3d9c1711e20b8f6b0d549b6f03675a1600a35a099950d836f675cc81e74ef5e8e25d940ed904759531985d5d9dc9f81818e811892f902bd23f0824128b2f330c5c7fd0a6a3a4506513270e269e0d37f2a74de4", "0x12494e3bf911a61dbe22e44158bae97ba94d0eda82f8f6d05584ef8aa38922766581e27a1c08a6a63ec24ede6a46b4cb2424a23d5962217beaddbc496cb8e81973e0becd7b03898d190f9ebdacc0cb1e29c658cda1495e60af593bd04cf0fd630f1f29d0da9953f48f1a09f76b5a170b33839263059f28c105d1fb17c2390c192cfd3ac94af0f21ddb66cad4a26", "4.420631211271593e-141"},
      {"-0x881ed162ae2eb1547f15052434b9b5df9e7769b10f4205b4907a70c31012f037b64ce4228c38fb2918f135d25f557203", "0x15e43e0c1d3fcff2a3af4d46b0a18e8830e07bc1e398f1012bd4acefaecbd389be4bcfc49b64a0872e6cc3ababced2057ee05cde00902c77ebff206867347214cdd2055930d6eaf14f4733f3e7d1bfbc7a2ea20b2f14c942e05319acb5c74273f98e2774cbd87ad5c90a9587403e430ec66a78795e761d1", "-4.022431868664293e-172"},
      {"-0x92b1d38ede0d7ac3baea9e13deef86ab1031d0f646e1f40a097c976bf46c697d2caf82eeeacbe2", "0x127e891a5aa3c814f426dcbb394fb36bb2d420f0f88080b10a3d6b2aa05e11ab2715945795e8229451abd81f1d69ed617f5e837d70820fe119a72d174c9df6acc011cdd9474031b7f26144b98289fcd59a54a7bb1fee08f", "-1.2581675910100335e-116"},
      {"-0xe5fb2a96fb1a14a0f9e77f1b103cdf1582b0eab477d26415479c65dc9f503f63af83bd0561e6211c70cf49952399c4aaeac137dc76fb0f17a3007e62aa0a1df9fd789c6539382b0537e65affb2297631a992f0ce583505c6af0758d5563dab2cd31ee315128862c33a4fb774eb5248db40af", "0x1788daf4016b4013ef254b0c4e010c4759482c9cbc43435cc52eae05cf96d0cc5fd4c28c2e7c26847f0316909e3bbbe9eaa8948c893b61867626bb7dbd2d1c9af0153e7c2a26a2c0bd3b1287fff52ddf5d616499c9e25a7605aec6f0245bd86d40fc891b4a6a50df4db4d66a3a47469a4d8cdb305fdd2e16096e36aab0d1bc52d9230d977ee22571594720771f", "-9.279113012027892e-65"},
      {"-0x21ebd87a86557b6fb7ebfeaa1551a28f7b324e4e25a15fc899e4fd58dbe7bdc968b7afb2c68774b15d7fa529ba3fe3bfada7cf20724d953ee261d87cec31f7296ab7961fd925d39d0a89a2ef80f58ee8571f4998d7c4093f6dea268aa872607679d6050914a9d33a01c353c631cdfd43f371200339d068739fa9d1de2a05d158a2ff2ee4e4519f9919c", "0x7508b0d590bb0a844e52587be6b5c9bcf35873be078f3b7a50df373ca533488f87605e999f3842e7fc2", "-4.499838653154612e+230"},
      {"-0x87322ec215a82a", "0x7441d0e5de0099784b5a81842d87208d86f40f6b239f3c7", "-2.135920264333868e-40"},
      {"0x4e7e4339194242a2eddbbd5464ecc280b0c08bc77024208aa4248c8857f9a43908f227c59db9165b0ee76f", "0x3c74787f93bca44eb860726e25cfd56a926076b3e36bb2313f55b06258e7e26f36a8483f8b8332dd3313a0b9965cda6c6fdbd68516766934036d17e4497", "3.638821778038934e-45"},
      {"0xd13738703800149e259b5d58c705f979d04af47aebdd597a1ecffcf00fecb91ee9e5efe09f07cefe2a1f727d83495822cb77f4de2c089aea6429b1491e243192b704", "0x66f15b6ad2db3997fe39639be7a605a91330698a1c0093492b6246771c845007063771407e8e727891eb20109a91c2439d5ab8b4d15b40aeba4a45effccb573d95810d60ea72991b9e8c147437abec539007d1034d726c86b9c3a23cde67a9b75fc3947249fc2d0a17b8f2ab53451d0135675f6ad325b55dd", "1.145302453126578e-131"},
      {"0x19c77216e9ee7a46309973f798626b1cffc070d710920859634fe3c9c8f2b855c1f28aaca51b98c67c215bd448ff26149edbe4c5ce666c1494e7691b06f6555abfeb8c9817af8be8831f237e45acd02c5e116353d03", "0x3d9804c25d64affdcd13678bc8d40783f0a072a98d23606defcdfb85c0dd37ee91531dec4f4df2a8b79fc8e80b36f0e228923a5ef88ef02090bbfdefc1586ce03f91a4f44f9a6511445b9f3635cf88c422bcca2a92b03a56cc1057a40b22188287e8c5c715f8c74fc1e27e9e06f59b44e92effddeeaa842bc19", "8.415725914424941e-88"},
      {"0x806c10be0cfab4ceaefc4d2d3bf6d016bae4b5b844a7034e77ffe48d0a6ec179556585ea997f351754a09cde5cfedfa5a9196f0bd6b881ae8f6e0bd0f977044218e0b7bd58dcdb46b4468068b5ab3ee4265bb31", "0x3f9d52f90e8bec948f6f915fe21b37ca1b29fc99c6c80e2bc8c614b27b8444d18e31704187ddaeb784b28054aead44b0537390e50fcf31ca8e752fdf1ece615db9a6442e9e7d6b377936d536243d35702c1eea1f265974a7cc966f46c6aa7d550101b8119bca3cb72ee0289dc6c91b9270ac06acdf70301704c9d78d82b335998604871926debfdb", "7.455645506887289e-127"},
      {"0x831d039b2bd6c0816bee06f92e23399ccea098535b6a437178ba0a1038f0b5e998d0eee4ddf9b9c28ee907072235c28fcd7f4073c1cd2c81f98b521905d591c5b2e75a0acd8be1", "0xe48b968f3c4be3ec3b96054274a3ebed84e91ef132bf2de040015ce064a11485f1115bb2fff17b3f665edef10637ce81fc069e7a609683ceaf4915888564e88216858f73ccef03", "0.573686510813846"},
      {"0x95c05766da79a873d9a8079abd0d7fb1292618550e40d54712ea6b36471fde41f229dd06aa8b9e0231b3e14729135bdd70a39d1", "0x303f3d74f82bf268ea03836e86577bd891ff7b103df23231e1ee201552240cbacd0249a45845dbe3023a906922fa4b9a9c4b753a1eef08360852789d059c6e50df2e5a3863e1f525265c8b007ee", "7.545030557010645e-63"},
      {"0x70c1756b72898dd63cb95685d62404fcd5555daf106db8dee081179a071e518ae4525b4b1b75321c52966bd8c67656d050cd6760136783feb17bfe7b8ae46e7836a4b4d19ec12955d6f03945336bd51b1815aaf719f3fd68373b29acf1a57cbd1f5ae28af604", "0x212a8c17a9262453bf4912e7a26e9c76c603fe7e8f9f60a227385459c945c43fc052715850a031ad2d5f1e05b3e13f8c110fb3a828159c9d22950eb25f8a1fc2e6a591ce3bc0c10755c97f5f554ed83239ef54ba2e1619fb9af5084768b8c54dd0ba5", "912604611.4026204"},
      {"0x1044f1574f037afc644d82a531289bafae53169606ce193c22eefa279b02e3d8dccb1c51d0eba0ea84770a08716e6fec353b97377b34e8ece7e9ee51d9212824c83c8cb28eb4ed2e3895e8b6b263cfa5e67ec326a42343354f22d2882d1a89b37ad0c9bb6e9526a69d97e967b", "0x11249dea59679aed3a32a86af257488d959c31fe8ad4a156d2a68c02f4b342742a80631f2642aadcded20443b30f66110e2cb638efbaebdb31ccd29bb183e11570266b", "8.30309349844077e+99"},
      {"0x862954ba5cf81e54dd1c0502c6f02905313d0a270bb5a432cf86e3e7260b0f873b", "0x560938005ce74721888ff4a3adf9934b3ff60c26e7a4287f53ddd4e14d571a0f096da4fdebbeceea7bb6433a71568", "4.805160999971155e-33"},
      {"0x11a281728a07bbab27f604b8157d03edb92009758340401d68fbfe977c5604a65651cdbde74758d50f1b4540f426", "0x163e4b7afd4bd030679a44dd23c49caea2cf62baba958810b4ebf4b6e1c60aa3d510bb0432d90dcd57bb7d973ac4da9afb81392137161c16b00fd7bb4ecadea281b62bb5f86664ae64a149f5e3838b9ed5a9422a8bc083117eb86c57a81100a16ea330a1a66d58b5d1a4c01ea887ae221b35411b72723b9cef44c0d53ee4da5a7989e9d0", "6.173525319880501e-208"},
      {"-0x121a03a63966213bca7fd644de2f", "0x7e119f8fdd20854348156f637a4685d385e064363e5d900ed6b0272218fdc44df96ff285414242f733b05759eb5590b94af3a4b05e1aeb153d69c3e01aaa699498ac4482cc78ef88ede10aba8b9b38185797cdedb9109618177ffd75d6769aa4c5c6015a0cce60e2ec40a29ca862d", "-5.780334716082078e-234"},
      {"0xa1320b9d4de2f8ad4cb59aa705c22d3f64dbc8d30aaaaf81963892a766465d2824d4589c16fa1421d129d06743a08f0617420e940144702bc6b789ef81365acc3f88af5933736dcca7f0c99e80b5244a4767e1fa79823eb21579da0a61b2480c55d85e8d00460d692ed654115b49156137c60e984f3e885ee1e437b7f735efe608d180113e940bb452d31e1b", "0x8614e8ee65a123a9a9da816b2332cfed943bb3783a7cbbddbb9b6de2fb1fa098d6918352bc85e456559cb70af5f2d5d5891fd329d65c0b35b1de250e7b34a4aa07b49e6397d4b96245d348bfcbcf264337987e834904fc173498b87e4e2b537d9128c3a9e88963b759f598b81c66e10c167dc8b6eaffb74b589be48e9e02a854c83427be9ab1c0236e49da6e6d8e8778f742f527b5c2", "9.944519242065361e-25"},
      {"0x110a050609804d2be09a0b558640cfff0548efba442738e0b77d5f860c3606a0deb1adbce5df5a2d8795c57532ba31a49dd221265400ab7798807fa22f715c891ff3add6527a4946d15b17dd255f4c18226aed23b0fb6104b84e4907d49cc4793d795850e21afbc9ca9d38f8c45041dcd94cdff5a1cd01a914cd5be785a9187df42", "0x3f375d8d8a4f9c9c679a661f62cbd65680c3b1185d9348922d7c1a624dcbab5b3733c1ae91743fb9fbcd89c36b2130f27b2cf28f65e408fc146794ec926bc9e28eabee8062610e8ad0186a74a63a8c7d9e01789819f8902dafce5d9fe8180c2b5f1eeb89ff1bf8e51aa11f2d44dcc35e83474fa941200d935344387ee7b", "1157653622.4928784"},
      {"0x7b7f03312ead222930ae9158d4a89f03bc5a4dee4812b16107f1be437c7ba6caf4a341023aed54ef125a25bda659998648e013d5316f32c32444a48c1d5ca1feb6249df2025f0bf7a4bdc458272f498dbfa8af06bcf7e91457db7aa068f113a5397f", "0x4d1e4d0a313932904757f1cba4a227f39047b2c107912ef4aefae5d4e15fa8b65fa6672cd4fc9e91833020ccd8c90473ee4c717fdfe48ef631e563408c4653cde776200b5774510ca76f4251e491961a1843baee9b578909c4a7591f27d575d17acfb2d5e37bac233b1330c3f197a14e2ac084ba5f8f659ac44ce4ab3", "2.4329686282943548e-64"},
      {"-0xfeeb2b3b3bf4bf5d7cfed1b40de56d1cd86fc1e30966194791c2e9823d11eda1b501d6d1f9bdfe9a762d5421f267e25c0bb40ff3e6ca734305e98686292bb5bf5b411b24491df6171e1a8c94db5f8f1319d42435f10300ee379c65f21201e4eaa3556c35b7e44863087e5244c6b895fe749e67", "0xf01ebb079465f456aad6cff718569908f6c0301b2153158ce400721f8454d1ac6bd71961891ef3ea4450ea7da760487e15580dc5ab6a8ad9cb24056360ba28a6794d4ca9c767c98fb9736506ecae7c8f097ddfcbc9f3308ce500eb4e1128b88073065b8c35", "-5.512297874229414e+33"},
      {"0x12da8deb67ae7ffb0dd9e63e1986964950dc210a25b195f49f0fc40d284064a327e2dbd6a996de6cd10f103003005b688b661", "0x2c5ef5cfb3099f27150cb407a82ce786f6fad79364406c053f895fc553fd3be98261f40dfef82d1a3a28cf7b1491e99f5a97766fbd5ad53600d36ce2c1a09a84047d7df790c5b4c59dab0792946709312c172b2986d94dd6dece80799", "3.0354290217731447e-102"},
      {"0x1d2e0c89c0017c4ea6034944f2cede962a6da4fd57c523797d45c0aed9c59d6b023f736b96a0692fd360bb7b738eeef795cd0caa761214a0b00bb835e8a534145e878c9a37518ddcf83cf0d1ab56e02f9a72e9d625c966692158a1826327c2fbd8a3cfdcc257076d490ae25f4b1c", "0x10a69c1ea71f11b2f9ee8bc8bd1e6912bd313bee41785bc64c3ac6fc4820823157fa49e56a34b37178e10e70", "1.5398753835341197e+159"},
      {"0x6d6b987a73309b95c25e114fff18fe335534a034e8009d9073f6e53d3853933d8ce621ef7f405bc8cfd3dd72e7ecfd0c8027a2a235372235133e6153296259c8a4a915d02ad64ce91ea7722864f54969ab3b74fe8eaca2887bb1d1244d039b723d1926aca7ef4f5d", "0x2203943f65c327a6df7ba38b69304106e470b4fad7f867d5f0fe321ecc08a58d756947a7a452e704d607a473235c2e229862fe231beef67fb69f446126201a9d369ac0f03dee0a843bfe98f8c0524137fe322e96d33bf915791d277f2cf321d634223b8aa5e49422a3d37664251bcd77a1751f5798e4dc3a3578a60d82cb8d14c173910e33e7c656731419775", "4.042794687633346e-88"},
      {"0x3e965132d6f7e147fd79281c19cde347abe54c5de6c3813ce6b5a290616cd9e62a08411c07209342ca05955fb9f7d17ebddf75c883d07884b7d94355414fe04802f435a5736e8cd94e7223c68aa5529b0566567bc4627292f83f9aa884e59409c145619fc017b4834c37495c5ed93ff716dce47b21ca51e152a12f3a94877b55cb", "0x34d674ed9bf0b6ed448d4eee241c43643ab9e2", "9.548550755712753e+264"},
      {"-0x267e72eb7fe26b91c3098c3b8a27ba202ab6fac844b8fd0059865a0a1fb43bc6e0673a8d2f29e715c2c81a75134107e5174ebdc3c9f7e3d8b4c831a5b89b2fb374fab6b8c3a4d2d34d1c0df10586671be03df0ae9c78bdf8cd9ec385b9c09a26edf1bd27855798394afbe91bea705ec879b6633f9b6bb272ee6a2ef8e4cb5c77d8c569daff9a0b", "0xc1cb4ba55c38b48a2b2d643a26ffb726aa2e3f93a873b99034075916ea060846c", "-1.388827216567489e+246"},
      {"-0x6226953857d7f18bde0e86417b604ce3b0cc", "0x3cd6c43e0b25cde23f03ccd6e3a71ea502e8a850fcc626f57d17094752919475efd233ff125eb44d307fe489980c5002ad9d2b004b7fd099df209bca5d5e7d393cbcdd", "-1.5993870812551526e-118"},
      {"0x25c05ce3ab6283c2ae35d243d87a9738b079e17711b7573b16494331a59c4ad1ebd086c40f36094fcc9a5c334e51aff848a9567ee5e85734893498114340ff813fb5cdd85bbb6bbd37929d", "0xbb93c8506f68ace2328994b647e8a8e5ee4c91731bbc4164b0bb142f217e720f650638b5b94af30d456be06a56aac3245448c8989bc9dcf95fe8a0060c88043683d4bc0dea6e4e64b9cb1cec032e6b25795c189844f476f2e2054d0e71597aaa50b96fe90fb6516ac26ae07c2c6a87392bc552e57f76912ff3c23c9c2f6723", "1.1892546071379644e-126"},
      {"-0xa72f7dba0830d0a2b8544940e12a66f913ee7d0ae2145103c7ff5e1d1f", "0x2aa1813454fd3e758", "-9.170513493619439e+49"},
      {"-0x4fd252a617c4cba0385b4c0d7361502dee35185376c2410ad1f6da7a638fa624f71fab5884e29aaceaf49c9eba6b911f9759f9bb7914ace1cb47a164e41407ab3300bc22cb1be4a5db2b54af7771436e1d54ea2061fc27d6835fb6d625d6d106fb", "0x8aa1a5f6a35d9321a6ec17934f0b8b48bb0750c9c20ef", "-1.49326185358103e+179"},
      {"-0x2b66a9b09ab55e6077d7910170d2bbf4e302c31e7aed141cbcc3a0fdf7cc6eb8a25fccda7907710053d2c76cc057308ec379a602533dc0a68013d679f2d9ec4445aaea01ac23acfd3bb743f7dc86b692a4f0ea1b49bf707c0909c797b1538e5a15b79bcc0fd985d3f69ce52c4641b316a2a12", "0x3aa798772790c1726f06b8b8f27000f72d3c4c22cab7468fb596ec9a360c5105122ab0882411b77570a4bf168da7431dbc3f0b286c709df24d5ef429c622f52b254955c0a74d", "-1.0861151290179578e+107"},
      {"-0x1e1b757b203bdea8c3d375eff10635afef", "0x75f5c151cdf2f9dc7a615d53eab0313c73d5f49b75036226bc9858c5d6d5e9b12e1de2d2a0169d4da60990bd0d8cfeee59b397cd751e08023a80a22ed51b127f1d490eed97ec7621f91a997e544d56d096bfd66e106c0ee9de047940449aa0ca304218", "-8.536098208095896e-199"},
      {"0x3f1aefca62e22b64a66d32a901faf20ac0292322d35364e64d8b6bfeae8d76d7a17b50079e08ab4ae4a648a58c109257f76862bf793f4f8b9d28f1a81bc0bd1d8464457ea432830689830ae19e143a51809880e88bc841721ec8a94814", "0x7214e43e9ecc7b5f75ff199d6ab6114f2207c6c03bf449fd2c564d56726c2c95f8dca309b5b39023fd09e37c7f9c13216bca9b3f18af266c3555d6ae15866ffb9fe5e399", "8.888915846582244e+59"},
      {"-0x15f7b07b84485c04f911f52dc47868e4a4b354e934b3e90b7d7435571c79dbc121f04a6ffc272f5a7aa17c57cc61c96dbd8d4250d89df5e79bf7b6c6c", "0x109700538ae1c130312932940a3537e8566431e258d2684806d26f27401fa03c49fdbd3ece9f2c2f8c6c083f5783ea707c5f3d", "-1.000503481580621e+23"},
      {"0x4b2e07b59d80a5527a25fb65b55ea14843a72c39a28d72eb3a13b2a421ad1b0b70be200d218798a0d59012664f61a327537097a5942fdaf451376c32dcda74068b219bd2640cef61d03a64ed9963b3bc81386bc2b9981e004fb3ef68756fe111ebc406c6132", "0x1dc3fb31b4932c954c2fc1d3f2e52df9143ef599b9ede73087de350ce66f73", "1.525122801546061e+170"},
      {"-0x1cbe4802d819d38ddba8547833e469f5f4aebeb", "0x362", "-1.1842895223959837e+43"},
      {"-0x5ec5f2ee40dada65cc468b3e3aa53c69b0ad19f0be902e9c9fbd0930b643414c2dce9f8f71fa6d21040bb7352c19973cf5c09c9d592414205c6fff7ba0d3437ccaa0b4e7f7c2430ca6d570b534d5e63af1609969e7c37b79c48", "0x8c4caa837ee14b90cb978be3080e31b034128822", "-1.593335589436347e+167"},
      {"0x354e15196a01260f5b7042dfe239d3d79107756fbece71454ff6f2c50d25f954f4042f1e6af7ea314ebe9880aaf5a86e48866d48fcfd36d168e7ed23456b312cb2061ecc65d464fd29e78b06a72ed5081755c6de88b409c8a3a16d922790bb018cd5d187a9fda2ef65322a48cbbc6c9419f48c75687dd5121032888d", "0xf21460c5a299c858dc5e6e62f75fdf37c5d5ec1ade201aafd93ea6a9467fde1c3172a390ad203acfe1d10e9316c7b31e22814c437e6d143186f25630d018120f8f12616423423880b67ac56f8ba60491e6406f458327bcda3a4fc8621", "1.5935611596240208e+75"},
      {"-0x339a402bb72247aabb58d323d9e", "0x40923ebcbc58a35eef9b8bed5ec9049f48250d92a73f9d", "-1.0576746509640916e-23"},
      {"0x7d920a56623c70ce1bd9d912112d4095eced8ded2bfa1f10856aab1d296cb08c4886058b5912eb602558d6c0", "0x390d31615e5b02ef5f79ececbffb659f768e77b04751617643b634d1952a2e8fec0ed19557a9b8e9a820da9f44a5084c63f7b949e54e9ad2bc7f9bd6bbb0b22a431f16d68f3d658c99a206c2856", "4.640677097385758e-81"}};
  for (const Case& c : cases) {
    mpz_t a, b;
    bool negative = c.numerator[0] == '-';
    mpz_init_set_str(a, c.numerator + (negative ? 3 : 2), 16);
    if (negative) mpz_neg(a, a);
    mpz_init_set_str(b, c.denominator + 2, 16);
    Ref x = Ref::steal(int_from_mpz(a));
    Ref y = Ref::steal(int_from_mpz(b));
    mpz_clear(a);
    mpz_clear(b);
    EXPECT_EQ(show(binary(x.get(), y.get(), kDiv)), c.quotient) << c.numerator << " / " << c.denominator;
  }
}

}  // namespace
}  // namespace stitch
