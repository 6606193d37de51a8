// Parity with CPython 3.11.7: for each seed in {0, 1, 42, 12345, -7, 2**40+3, 2**100} and each
// call, the engine must return exactly the values CPython returned (cpython_sequences.inc, made by
// gen_cpython_sequences.py). Floats are compared bit for bit.
#include <gmp.h>
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "core/builtins/random/random_engine.h"
#include "core/builtins/random/scoped_mpz.h"

namespace stitch::random {
namespace {

struct SequenceCase {
  const char* seed;
  const char* call;
  std::vector<const char*> values;
};

void PrintTo(const SequenceCase& sequence_case, std::ostream* out) {
  *out << "seed " << sequence_case.seed << ", " << sequence_case.call;
}

const std::vector<SequenceCase> kCases = {
#include "cpython_sequences.inc"
};

std::string float_text(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%a", value);
  return buffer;
}

// Expected values are decimal ints or float.hex() floats; floats are re-rendered with %a so that
// the comparison is exact and the failure message is readable on both sides.
std::string normalized(const char* expected) {
  const std::string text = expected;
  const bool is_float = text.rfind("0x", 0) == 0 || text.rfind("-0x", 0) == 0;
  return is_float ? float_text(std::strtod(expected, nullptr)) : text;
}

std::string int_text(const Expected<IntResult>& result) {
  return result ? result->to_decimal() : "error: " + result.error().message;
}

void seed_from_text(RandomEngine& engine, const std::string& seed) {
  ScopedMpz value;
  if (seed == "2**40+3") {
    mpz_ui_pow_ui(value.get(), 2, 40);
    mpz_add_ui(value.get(), value.get(), 3);
  } else if (seed == "2**100") {
    mpz_ui_pow_ui(value.get(), 2, 100);
  } else {
    engine.seed(int64_t{std::stoll(seed)});
    return;
  }
  engine.seed(value.get());
}

using Call = std::function<std::vector<std::string>(RandomEngine&)>;

Call repeated(std::function<std::string(RandomEngine&)> one_call) {
  return [one_call](RandomEngine& engine) {
    std::vector<std::string> values;
    for (int i = 0; i < 20; ++i) values.push_back(one_call(engine));
    return values;
  };
}

Call getrandbits_call(int64_t bit_count) {
  return repeated([bit_count](RandomEngine& engine) { return int_text(engine.getrandbits(bit_count)); });
}

std::vector<std::string> shuffle_twice(RandomEngine& engine) {
  std::vector<int> items(30);
  for (int i = 0; i < 30; ++i) items[i] = i;
  std::vector<std::string> values;
  for (int round = 0; round < 2; ++round) {
    engine.shuffle(std::span<int>(items));
    for (int item : items) values.push_back(std::to_string(item));
  }
  return values;
}

std::vector<std::string> mixed(RandomEngine& engine) {
  ScopedMpz two_to_70;
  mpz_ui_pow_ui(two_to_70.get(), 2, 70);
  std::vector<std::string> values;
  for (int i = 0; i < 4; ++i) {
    values.push_back(float_text(engine.random()));
    values.push_back(int_text(engine.getrandbits(40)));
    values.push_back(int_text(engine.randrange(-50, 50, 3)));
    values.push_back(float_text(engine.gauss(0.0, 1.0)));
    values.push_back(int_text(engine.randint(0, two_to_70.get())));
    values.push_back(std::to_string(*engine.choice_index(1000)));
  }
  return values;
}

const std::map<std::string, Call>& calls() {
  static const std::map<std::string, Call> table{
      {"random()", repeated([](RandomEngine& e) { return float_text(e.random()); })},
      {"getrandbits(1)", getrandbits_call(1)},
      {"getrandbits(7)", getrandbits_call(7)},
      {"getrandbits(31)", getrandbits_call(31)},
      {"getrandbits(32)", getrandbits_call(32)},
      {"getrandbits(33)", getrandbits_call(33)},
      {"getrandbits(64)", getrandbits_call(64)},
      {"getrandbits(65)", getrandbits_call(65)},
      {"getrandbits(100)", getrandbits_call(100)},
      {"randrange(10)", repeated([](RandomEngine& e) { return int_text(e.randrange(10)); })},
      {"randrange(3, 1000, 7)",
       repeated([](RandomEngine& e) { return int_text(e.randrange(3, 1000, 7)); })},
      {"randint(1, 6)", repeated([](RandomEngine& e) { return int_text(e.randint(1, 6)); })},
      {"randint(-10**20, 10**20)",
       repeated([](RandomEngine& e) {
         ScopedMpz low, high;
         mpz_ui_pow_ui(high.get(), 10, 20);
         mpz_neg(low.get(), high.get());
         return int_text(e.randint(low.get(), high.get()));
       })},
      {"choice(range(5, 22))",
       repeated([](RandomEngine& e) {
         std::vector<int> population;
         for (int i = 5; i < 22; ++i) population.push_back(i);
         return std::to_string(population[*e.choice_index(population.size())]);
       })},
      {"uniform(-2.5, 10.0)", repeated([](RandomEngine& e) { return float_text(e.uniform(-2.5, 10.0)); })},
      {"gauss(1.0, 2.0)", repeated([](RandomEngine& e) { return float_text(e.gauss(1.0, 2.0)); })},
      {"shuffle(list(range(30)))", shuffle_twice},
      {"mixed", mixed},
  };
  return table;
}

class CpythonParityTest : public ::testing::TestWithParam<SequenceCase> {};

TEST_P(CpythonParityTest, SameValuesAsCpython) {
  const SequenceCase& sequence_case = GetParam();
  const auto call = calls().find(sequence_case.call);
  ASSERT_NE(call, calls().end()) << "no C++ mapping for " << sequence_case.call;

  RandomEngine engine;
  seed_from_text(engine, sequence_case.seed);
  const std::vector<std::string> actual = call->second(engine);

  ASSERT_EQ(actual.size(), sequence_case.values.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i], normalized(sequence_case.values[i])) << "value #" << i;
  }
}

std::string case_name(const ::testing::TestParamInfo<SequenceCase>& info) {
  std::string name = std::string("seed_") + info.param.seed + "_" + info.param.call;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cpython311, CpythonParityTest, ::testing::ValuesIn(kCases), case_name);

TEST(CpythonParityCoverageTest, EverySeedHasEveryCall) {
  std::map<std::string, std::size_t> calls_per_seed;
  for (const SequenceCase& sequence_case : kCases) ++calls_per_seed[sequence_case.seed];
  EXPECT_EQ(calls_per_seed.size(), 7u);
  for (const auto& [seed, count] : calls_per_seed) EXPECT_EQ(count, calls().size()) << seed;
}

}  // namespace
}  // namespace stitch::random
