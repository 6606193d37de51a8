// str/bin/oct/hex of ints and the int -> float conversion, against python3.11.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <string>

#include "core/text/int_text.h"
#include "core/text/tests/test_ints.h"

namespace stitch::text {
namespace {

using testing::TestInt;

struct BaseCase {
  const char* value;
  const char* bin;
  const char* oct;
  const char* hex;
};

// python3: bin(v), oct(v), hex(v)
const BaseCase kBaseCases[] = {
    {"0", "0b0", "0o0", "0x0"},
    {"-255", "-0b11111111", "-0o377", "-0xff"},
    {"255", "0b11111111", "0o377", "0xff"},
    {"-8", "-0b1000", "-0o10", "-0x8"},
    {"-9223372036854775808", "-0b1000000000000000000000000000000000000000000000000000000000000000",
     "-0o1000000000000000000000", "-0x8000000000000000"},
    {"18446744073709551616", "0b10000000000000000000000000000000000000000000000000000000000000000",
     "0o2000000000000000000000", "0x10000000000000000"},
    {"-1267650600228229401496703205376", "-0b10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
     "-0o2000000000000000000000000000000000", "-0x10000000000000000000000000"},
};

TEST(IntText, BinOctHexMatchPython) {
  for (const BaseCase& c : kBaseCases) {
    TestInt value(c.value);
    for (IntRef ref : {value.normal(), value.as_mpz()}) {
      EXPECT_EQ(int_to_bin(ref), c.bin);
      EXPECT_EQ(int_to_oct(ref), c.oct);
      EXPECT_EQ(int_to_hex(ref), c.hex);
      Expected<std::string> decimal = int_to_decimal(ref);
      ASSERT_TRUE(decimal.has_value());
      EXPECT_EQ(*decimal, c.value);
    }
  }
}

TEST(IntText, DecimalDigitLimit) {
  // python3: str(-10**4299) works (4300 digits), str(10**4300) raises.
  TestInt at_limit("-1" + std::string(4299, '0'));
  EXPECT_TRUE(int_to_decimal(at_limit.normal()).has_value());
  TestInt over_limit("1" + std::string(4300, '0'));
  Expected<std::string> failed = int_to_decimal(over_limit.normal());
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().message,
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to "
            "increase the limit");
  EXPECT_TRUE(int_to_decimal(over_limit.normal(), 0).has_value());
}

struct DoubleCase {
  const char* value;
  uint64_t bits;  // of float(value)
};

// python3: float(v) for values around the rounding points (ties go to even).
const DoubleCase kDoubleCases[] = {
    {"9007199254740993", std::bit_cast<uint64_t>(9007199254740992.0)},   // 2**53 + 1: tie, to even
    {"9007199254740995", std::bit_cast<uint64_t>(9007199254740996.0)},   // 2**53 + 3: tie, to even
    {"18446744073709551615", std::bit_cast<uint64_t>(18446744073709551616.0)},
    {"-9223372036854775809", std::bit_cast<uint64_t>(-9223372036854775808.0)},
    {"36893488147419107329", std::bit_cast<uint64_t>(36893488147419111424.0)},  // 2**65 + 2**12 + 1: above the tie
    {"36893488147419107328", std::bit_cast<uint64_t>(36893488147419103232.0)},  // 2**65 + 2**12: tie, to even
    {"36893488147419115520", std::bit_cast<uint64_t>(36893488147419119616.0)},  // 2**65 + 3 * 2**12: tie, to even
};

TEST(IntText, ToDoubleRoundsHalfToEven) {
  for (const DoubleCase& c : kDoubleCases) {
    TestInt value(c.value);
    for (IntRef ref : {value.normal(), value.as_mpz()}) {
      Expected<double> converted = int_to_double(ref);
      ASSERT_TRUE(converted.has_value());
      EXPECT_EQ(std::bit_cast<uint64_t>(*converted), c.bits) << c.value;
    }
  }
}

}  // namespace
}  // namespace stitch::text
