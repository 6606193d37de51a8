// Write sequence arithmetic: odd start, steps of 2, wrap-safe comparisons.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "qsbr/qsbr.h"

namespace stitch::qsbr {
namespace {

constexpr Sequence kMax = std::numeric_limits<Sequence>::max();

TEST(SequenceTest, NewDomainStartsAtOneAndAdvancesByTwoStayingOdd) {
  Domain domain;
  EXPECT_EQ(domain.write_sequence(), kInitialSequence);
  Sequence previous = domain.write_sequence();
  for (int i = 0; i < 100; ++i) {
    const Sequence goal = domain.advance();
    EXPECT_EQ(goal, previous + 2) << "advance() must return the NEW value, not fetch_add's old one";
    EXPECT_EQ(domain.write_sequence(), goal);
    EXPECT_EQ(goal % 2, 1u);
    EXPECT_NE(goal, kOffline);
    previous = goal;
  }
}

TEST(SequenceTest, RequestedInitialSequenceIsForcedOdd) {
  Domain even_start(RetireLimits{}, 40);
  EXPECT_EQ(even_start.write_sequence(), 41u);
  Domain near_wrap(RetireLimits{}, kMax - 4);
  EXPECT_EQ(near_wrap.write_sequence(), kMax - 4);
}

TEST(SequenceTest, ComparisonIsWrapSafe) {
  static_assert(sequence_before(1, 3));
  static_assert(!sequence_before(3, 1));
  static_assert(!sequence_before(5, 5));
  static_assert(sequence_reached(5, 5));
  // Across the wrap: UINT64_MAX - 2, UINT64_MAX, 1, 3 are consecutive sequences.
  EXPECT_TRUE(sequence_before(kMax - 2, kMax));
  EXPECT_TRUE(sequence_before(kMax, 1));
  EXPECT_TRUE(sequence_before(kMax - 2, 3));
  EXPECT_FALSE(sequence_before(1, kMax));
  EXPECT_FALSE(sequence_before(3, kMax - 2));
  EXPECT_TRUE(sequence_reached(3, kMax - 2));
  EXPECT_FALSE(sequence_reached(kMax - 2, 3));
  // Plain '<' would get every one of these wrong.
  EXPECT_FALSE(kMax < 1);
}

TEST(SequenceTest, AdvanceWrapsFromMaxToOneNeverHittingOffline) {
  Domain domain(RetireLimits{}, kMax - 2);
  EXPECT_EQ(domain.advance(), kMax);
  EXPECT_EQ(domain.advance(), 1u);
  EXPECT_EQ(domain.advance(), 3u);
}

}  // namespace
}  // namespace stitch::qsbr
