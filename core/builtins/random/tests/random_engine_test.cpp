// RandomEngine behaviour beyond the per-seed parity table: errors (kind and CPython's exact
// message), int64 edge cases, big/small path agreement, sample's two branches, gauss caching,
// OS seeding, and independence of engines. Expected values come from CPython 3.11.7.
#include <gmp.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/builtins/random/random_engine.h"
#include "core/builtins/random/scoped_mpz.h"

namespace stitch::random {
namespace {

template <class T>
void expect_error(const Expected<T>& result, ErrorKind kind, const std::string& message) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, kind);
  EXPECT_EQ(result.error().message, message);
}

std::vector<std::string> decimal_values(std::vector<Expected<IntResult>> results) {
  std::vector<std::string> values;
  for (const auto& result : results) values.push_back(result ? result->to_decimal() : "error");
  return values;
}

TEST(RandomEngineErrorsTest, MessagesMatchCpython) {
  RandomEngine engine(5);
  constexpr auto kValue = ErrorKind::kValueError;
  expect_error(engine.getrandbits(-1), kValue, "number of bits must be non-negative");
  expect_error(engine.randrange(0), kValue, "empty range for randrange()");
  expect_error(engine.randrange(-3), kValue, "empty range for randrange()");
  expect_error(engine.randrange(5, 5), kValue, "empty range for randrange() (5, 5, 0)");
  expect_error(engine.randrange(10, 1), kValue, "empty range for randrange() (10, 1, -9)");
  expect_error(engine.randrange(1, 10, 0), kValue, "zero step for randrange()");
  expect_error(engine.randrange(1, 10, -1), kValue, "empty range for randrange()");
  expect_error(engine.randint(5, 4), kValue, "empty range for randrange() (5, 5, 0)");
  expect_error(engine.choice_index(0), ErrorKind::kIndexError, "Cannot choose from an empty sequence");
  expect_error(engine.sample_indices(3, 4), kValue, "Sample larger than population or is negative");
  expect_error(engine.sample_indices(3, -1), kValue, "Sample larger than population or is negative");
}

TEST(RandomEngineErrorsTest, BigArgumentsFormatTheirWidthInDecimal) {
  RandomEngine engine;
  ScopedMpz big;
  mpz_ui_pow_ui(big.get(), 10, 20);
  expect_error(engine.randrange(big.get(), 5), ErrorKind::kValueError,
               "empty range for randrange() (100000000000000000000, 5, -99999999999999999995)");
  expect_error(engine.randrange(big.get(), 7, big.get()), ErrorKind::kValueError, "empty range for randrange()");
  expect_error(engine.randint(INT64_MAX, INT64_MIN), ErrorKind::kValueError,
               "empty range for randrange() (9223372036854775807, -9223372036854775807, "
               "-18446744073709551614)");
}

TEST(RandomEngineErrorsTest, FailedCallsConsumeNoState) {
  RandomEngine failing(11);
  RandomEngine clean(11);
  (void)failing.randrange(5, 5);
  (void)failing.choice_index(0);
  (void)failing.getrandbits(-2);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(failing.random(), clean.random());
}

TEST(RandomEngineBitsTest, ZeroBitsIsZeroAndConsumesNothing) {
  RandomEngine engine(5);
  RandomEngine reference(5);
  EXPECT_EQ(engine.getrandbits(0)->to_decimal(), "0");
  EXPECT_EQ(engine.getrandbits_small(0), 0u);
  EXPECT_EQ(engine.random(), reference.random());
}

TEST(RandomEngineBitsTest, SmallAndGeneralGetrandbitsAgreeForEveryWidth) {
  for (unsigned bits = 0; bits <= 64; ++bits) {
    RandomEngine general(bits);
    RandomEngine small(bits);
    for (int i = 0; i < 5; ++i) {
      const std::string expected = std::to_string(small.getrandbits_small(bits));
      ASSERT_EQ(general.getrandbits(bits)->to_decimal(), expected) << bits << " bits";
    }
  }
}

TEST(RandomEngineBitsTest, ThousandBitsMatchCpython) {
  RandomEngine engine(3);
  EXPECT_EQ(engine.getrandbits(1000)->to_decimal(),
            "2475796664778331454251756278574561001071670541856372531712766337241168456255221837458075916"
            "1294907227126164920285424326695206309784804560258848592177867764693801863805801889849162977"
            "7158290061348419471136875803558362210523952840329596033596072189584910641033432027095526893"
            "4998234995224703274610016253");
}

TEST(RandomEngineSeedTest, Int64ExtremesSeedLikeCpython) {
  RandomEngine most_negative(INT64_MIN);  // |n| = 2**63
  EXPECT_EQ(most_negative.getrandbits_small(32), 2377109768u);
  EXPECT_EQ(most_negative.getrandbits_small(32), 1691753470u);
  EXPECT_EQ(most_negative.getrandbits_small(32), 4039908392u);

  ScopedMpz all_ones;
  mpz_set_str(all_ones.get(), "18446744073709551615", 10);  // 2**64 - 1
  RandomEngine two_words(all_ones.get());
  EXPECT_EQ(two_words.getrandbits_small(32), 93740670u);
  EXPECT_EQ(two_words.getrandbits_small(32), 1068495656u);
  EXPECT_EQ(two_words.getrandbits_small(32), 1452108352u);
}

TEST(RandomEngineSeedTest, BigAndSmallRepresentationsOfOneValueSeedAlike) {
  for (int64_t value : {int64_t{0}, int64_t{1}, int64_t{-7}, int64_t{1} << 40, INT64_MAX, INT64_MIN}) {
    ScopedMpz big;
    mpz_set_si(big.get(), value);
    RandomEngine from_small(value);
    RandomEngine from_big(big.get());
    for (int i = 0; i < 5; ++i) ASSERT_EQ(from_small.random(), from_big.random()) << value;
  }
}

TEST(RandomEngineSeedTest, NegativeSeedEqualsItsAbsoluteValue) {
  RandomEngine negative(-12345);
  RandomEngine positive(12345);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(negative.getrandbits_small(32), positive.getrandbits_small(32));
}

TEST(RandomEngineSeedTest, SystemEntropySeedsDistinctStreams) {
  RandomEngine first;
  RandomEngine second;
  ASSERT_TRUE(first.seed_from_system_entropy());
  ASSERT_TRUE(second.seed_from_system_entropy());
  int equal_words = 0;
  for (int i = 0; i < 8; ++i) equal_words += first.getrandbits_small(32) == second.getrandbits_small(32);
  EXPECT_LT(equal_words, 8);  // 8 equal 32-bit words by chance has probability 2^-256
}

TEST(RandomEngineRangeTest, Int64ExtremesMatchCpython) {
  RandomEngine engine(5);
  EXPECT_EQ(decimal_values({engine.randrange(INT64_MIN, INT64_MAX), engine.randrange(INT64_MIN, INT64_MAX),
                            engine.randrange(INT64_MIN, INT64_MAX), engine.randrange(INT64_MIN, INT64_MAX),
                            engine.randrange(INT64_MIN, INT64_MAX)}),
            (std::vector<std::string>{"-4511243184718316475", "-2609559196002828135", "3513124226084228663",
                                      "6299765331246476266", "2804489806378827305"}));
  EXPECT_EQ(decimal_values({engine.randint(0, INT64_MAX), engine.randint(0, INT64_MAX), engine.randint(0, INT64_MAX),
                            engine.randint(0, INT64_MAX), engine.randint(0, INT64_MAX)}),
            (std::vector<std::string>{"4594210616595436404", "956523682424107605", "2893396244277848635",
                                      "6858376947525423350", "7023743836218156456"}));
  std::vector<Expected<IntResult>> descending;
  for (int i = 0; i < 5; ++i) descending.push_back(engine.randrange(INT64_MAX, INT64_MIN, -3));
  EXPECT_EQ(decimal_values(std::move(descending)),
            (std::vector<std::string>{"6401728561058956231", "2324362058985280048", "-2070215067423657959",
                                      "4185317361447569320", "-1552403672578899920"}));
  std::vector<Expected<IntResult>> short_descending;
  for (int i = 0; i < 8; ++i) short_descending.push_back(engine.randrange(10, 0, -3));
  EXPECT_EQ(decimal_values(std::move(short_descending)),
            (std::vector<std::string>{"7", "10", "7", "1", "7", "7", "10", "10"}));
  std::vector<Expected<IntResult>> full_range;
  for (int i = 0; i < 3; ++i) full_range.push_back(engine.randint(INT64_MIN, INT64_MAX));
  EXPECT_EQ(decimal_values(std::move(full_range)),
            (std::vector<std::string>{"5046913038458744571", "8899098810379854783", "-6152275476492182144"}));
}

TEST(RandomEngineRangeTest, BigPathAgreesWithSmallPath) {
  const int64_t cases[][3] = {{0, 10, 1}, {3, 1000, 7}, {-50, 50, 3}, {100, -100, -9}, {INT64_MIN, INT64_MAX, 1},
                              {INT64_MAX, INT64_MIN, -5}};
  for (const auto& c : cases) {
    ScopedMpz start, stop, step;
    mpz_set_si(start.get(), c[0]);
    mpz_set_si(stop.get(), c[1]);
    mpz_set_si(step.get(), c[2]);
    RandomEngine small(77);
    RandomEngine big(77);
    for (int i = 0; i < 50; ++i) {
      ASSERT_EQ(small.randrange(c[0], c[1], c[2])->to_decimal(),
                big.randrange(start.get(), stop.get(), step.get())->to_decimal());
    }
  }
}

TEST(RandomEngineRangeTest, ResultsStayInsideTheRange) {
  RandomEngine engine(2024);
  ScopedMpz low, high, value;
  mpz_set_str(low.get(), "-1000000000000000000000000000000", 10);
  mpz_set_str(high.get(), "-999999999999999999999999999990", 10);
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    const auto result = engine.randint(low.get(), high.get());
    ASSERT_TRUE(result);
    ASSERT_FALSE(result->is_small());
    ASSERT_GE(mpz_cmp(result->big(), low.get()), 0);
    ASSERT_LE(mpz_cmp(result->big(), high.get()), 0);
    seen.insert(result->to_decimal());
  }
  EXPECT_EQ(seen.size(), 11u);  // every one of the 11 values turns up in 2000 draws
}

TEST(RandomEngineSampleTest, MatchesCpythonOnBothBranches) {
  struct SampleCase {
    std::size_t population;
    int64_t count;
    std::vector<std::size_t> expected;
  };
  const std::vector<SampleCase> cases = {
      {30, 10, {14, 19, 11, 8, 4, 5, 21, 0, 10, 16}},           // pool
      {1000, 10, {474, 627, 382, 273, 141, 190, 887, 692, 6, 346}},  // set
      {85, 16, {59, 78, 47, 34, 17, 23, 0, 43, 64, 84, 10, 42, 70, 5, 48, 21}},  // pool: 85 <= 21 + 4**3
      {86, 16, {59, 78, 47, 34, 17, 23, 0, 43, 64, 77, 10, 42, 70, 5, 48, 21}},  // set: one past it
      {26, 5, {14, 19, 11, 8, 4}},
      {7, 0, {}},
  };
  for (const SampleCase& c : cases) {
    RandomEngine engine(9);
    const auto sample = engine.sample_indices(c.population, c.count);
    ASSERT_TRUE(sample);
    EXPECT_EQ(*sample, c.expected) << "sample(range(" << c.population << "), " << c.count << ")";
  }
}

TEST(RandomEngineSampleTest, WholePopulationIsAPermutationMatchingCpython) {
  RandomEngine engine(9);
  const auto sample = engine.sample_indices(100, 100);
  ASSERT_TRUE(sample);
  const std::vector<std::size_t> expected = {
      59, 78, 47, 34, 17, 23, 86, 0,  43, 64, 99, 77, 10, 42, 70, 98, 5,  48, 21, 57, 54, 20, 81, 30, 6,
      14, 16, 90, 8,  49, 13, 37, 26, 28, 53, 11, 96, 58, 69, 25, 95, 88, 51, 2,  12, 45, 92, 67, 3,  24,
      31, 71, 1,  15, 27, 7,  38, 65, 44, 68, 55, 39, 62, 93, 83, 82, 97, 32, 35, 18, 46, 89, 75, 61, 56,
      91, 79, 84, 60, 76, 4,  85, 33, 66, 63, 29, 87, 9,  40, 19, 50, 36, 73, 94, 22, 80, 41, 74, 72, 52};
  EXPECT_EQ(*sample, expected);
}

TEST(RandomEngineSampleTest, LargeSetBranchMatchesCpython) {
  RandomEngine engine(9);
  const auto sample = engine.sample_indices(1000000, 1000);
  ASSERT_TRUE(sample);
  uint64_t total = 0;
  for (std::size_t index : *sample) total += index;
  EXPECT_EQ(total, 483823669u);
  EXPECT_EQ(std::vector<std::size_t>(sample->begin(), sample->begin() + 5),
            (std::vector<std::size_t>{485498, 643002, 391445, 280110, 145269}));
  EXPECT_EQ(std::set<std::size_t>(sample->begin(), sample->end()).size(), 1000u);  // no repeats
}

TEST(RandomEngineGaussTest, SeedForgetsTheCachedValue) {
  RandomEngine engine(1);
  const double first = engine.gauss(0.0, 1.0);
  engine.seed(1);
  EXPECT_EQ(engine.gauss(0.0, 1.0), first);
}

TEST(RandomEngineGaussTest, PairsConsumeTwoRandomsPerTwoValues) {
  RandomEngine gaussian(8);
  RandomEngine uniform(8);
  for (int i = 0; i < 10; ++i) (void)gaussian.gauss(0.0, 1.0);
  for (int i = 0; i < 10; ++i) (void)uniform.random();  // 10 gauss values = 5 pairs = 10 randoms
  EXPECT_EQ(gaussian.random(), uniform.random());
}

TEST(RandomEngineIndependenceTest, InterleavedEnginesDoNotShareState) {
  RandomEngine alone(42);
  std::vector<double> expected;
  for (int i = 0; i < 1000; ++i) expected.push_back(alone.random());

  RandomEngine first(42);
  RandomEngine second(42);
  RandomEngine other(7);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(first.random(), expected[i]);
    (void)other.getrandbits(100);
    (void)other.gauss(0.0, 1.0);  // leaves a cached gauss value in `other` only
    ASSERT_EQ(second.random(), expected[i]);
  }
}

TEST(RandomEngineIndependenceTest, CopiesContinueIdentically) {
  RandomEngine original(123);
  (void)original.gauss(0.0, 1.0);  // leave a cached value to be copied too
  RandomEngine copy = original;
  for (int i = 0; i < 100; ++i) ASSERT_EQ(original.gauss(0.0, 1.0), copy.gauss(0.0, 1.0));
  (void)original.random();
  EXPECT_NE(original.getrandbits_small(64), copy.getrandbits_small(64));
}

TEST(IntResultTest, BigValuesSurviveCopyMoveAndAssignment) {
  ScopedMpz big;
  mpz_ui_pow_ui(big.get(), 3, 100);
  IntResult original(big.get());
  ASSERT_FALSE(original.is_small());
  IntResult copy = original;
  IntResult moved = std::move(original);
  IntResult assigned(int64_t{5});
  assigned = copy;
  const std::string expected = "515377520732011331036461129765621272702107522001";
  EXPECT_EQ(copy.to_decimal(), expected);
  EXPECT_EQ(moved.to_decimal(), expected);
  EXPECT_EQ(assigned.to_decimal(), expected);
  assigned = IntResult(int64_t{-4});
  EXPECT_TRUE(assigned.is_small());
  EXPECT_EQ(assigned.to_decimal(), "-4");
  EXPECT_EQ(IntResult::from_unsigned(UINT64_MAX).to_decimal(), "18446744073709551615");
  EXPECT_TRUE(IntResult::from_unsigned(INT64_MAX).is_small());
}

}  // namespace
}  // namespace stitch::random
