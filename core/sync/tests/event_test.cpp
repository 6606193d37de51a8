// Single-threaded Event behaviour: set, reset, time-outs.
#include "core/sync/event.h"

#include <gtest/gtest.h>

#include <chrono>

namespace stitch::sync {
namespace {

using namespace std::chrono_literals;

TEST(Event, SetIsStickyUntilReset) {
  Event event;
  EXPECT_EQ(sizeof(Event), 1u);
  EXPECT_FALSE(event.is_set());
  EXPECT_FALSE(event.wait(0ns));
  event.set();
  EXPECT_TRUE(event.is_set());
  EXPECT_TRUE(event.wait(0ns));
  EXPECT_TRUE(event.wait(-1ns));  // already set: a forever wait returns at once
  event.set();                    // setting twice is harmless
  EXPECT_TRUE(event.is_set());
  event.reset();
  EXPECT_FALSE(event.is_set());
  event.reset();  // resetting an unset event is harmless
  EXPECT_FALSE(event.is_set());
}

TEST(Event, WaitTimesOutWhenNeverSet) {
  Event event;
  EXPECT_FALSE(event.wait(1ms));
  EXPECT_FALSE(event.wait(2ms, LockMode::kDontDetach));
  // The timed-out waiter left "has parked" behind; set must still work and wake nobody.
  event.set();
  EXPECT_TRUE(event.is_set());
}

}  // namespace
}  // namespace stitch::sync
