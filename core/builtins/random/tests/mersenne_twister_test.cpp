// MT19937 core: agreement with the reference outputs and with libstdc++'s independent mt19937.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <vector>

#include "core/builtins/random/mersenne_twister.h"

namespace stitch::random {
namespace {

TEST(MersenneTwisterTest, InitGenrandMatchesStdMt19937ForManyTwists) {
  for (uint32_t seed : {5489u, 0u, 1u, 0xffffffffu, 19650218u}) {
    MersenneTwister ours;
    ours.seed_with_word(seed);
    std::mt19937 reference(seed);
    for (int i = 0; i < 5000; ++i) ASSERT_EQ(ours.next_word(), reference()) << "seed " << seed << " output " << i;
  }
}

TEST(MersenneTwisterTest, DefaultSeedGivesTheStandardTenThousandthValue) {
  MersenneTwister twister;  // init_genrand(5489)
  uint32_t value = 0;
  for (int i = 0; i < 10000; ++i) value = twister.next_word();
  EXPECT_EQ(value, 4123659995u);  // the value the C++ standard specifies for mt19937
}

TEST(MersenneTwisterTest, InitByArrayMatchesReferenceOutput) {
  // mt19937ar.c's test vector: init_by_array({0x123, 0x234, 0x345, 0x456}).
  const std::array<uint32_t, 4> key = {0x123, 0x234, 0x345, 0x456};
  MersenneTwister twister;
  twister.seed_with_key(key);
  const std::array<uint32_t, 5> expected = {1067595299u, 955945823u, 477289528u, 4107218783u, 4228976476u};
  for (uint32_t value : expected) EXPECT_EQ(twister.next_word(), value);
}

TEST(MersenneTwisterTest, KeyLongerThanTheStateIsFullyMixed) {
  // 700 words > 624 exercises the wrap of the key index inside the first pass. Expected values
  // come from CPython 3.11: random.seed(sum(w << 32*i)) with the same words.
  std::vector<uint32_t> key(700);
  for (uint32_t i = 0; i < key.size(); ++i) key[i] = i * 2654435761u;
  MersenneTwister twister;
  twister.seed_with_key(key);
  const std::array<uint32_t, 5> expected = {1179226133u, 532799835u, 517808143u, 2867954353u, 1375274727u};
  for (uint32_t value : expected) EXPECT_EQ(twister.next_word(), value);
}

TEST(MersenneTwisterTest, EmptyKeyIsTheZeroKey) {
  MersenneTwister empty_key;
  empty_key.seed_with_key({});
  MersenneTwister zero_key;
  const std::array<uint32_t, 1> zero = {0};
  zero_key.seed_with_key(zero);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(empty_key.next_word(), zero_key.next_word());
}

TEST(MersenneTwisterTest, ReseedingRestartsTheSequence) {
  MersenneTwister twister;
  const std::array<uint32_t, 2> key = {7, 9};
  twister.seed_with_key(key);
  std::vector<uint32_t> first;
  for (int i = 0; i < 700; ++i) first.push_back(twister.next_word());
  twister.seed_with_key(key);
  for (int i = 0; i < 700; ++i) ASSERT_EQ(twister.next_word(), first[i]);
}

}  // namespace
}  // namespace stitch::random
