// Single-threaded parking-lot behaviour: value checks, time-outs, callbacks without waiters, hooks.
#include "core/sync/parking_lot.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>

#include "core/sync/tests/sync_test_support.h"

namespace stitch::sync {
namespace {

using namespace std::chrono_literals;

template <class Word>
void expect_value_changed_for() {
  std::atomic<Word> word{7};
  const Word expected = 8;
  EXPECT_EQ(park(&word, &expected, sizeof(Word), -1ns), ParkResult::kValueChanged);
  EXPECT_EQ(parked_waiter_count(&word), 0u);
}

TEST(ParkingLot, ReturnsValueChangedWithoutSleepingForEverySize) {
  expect_value_changed_for<std::uint8_t>();
  expect_value_changed_for<std::uint16_t>();
  expect_value_changed_for<std::uint32_t>();
  expect_value_changed_for<std::uint64_t>();
}

TEST(ParkingLot, TimesOutWhenNobodyUnparksAndLeavesNoEntry) {
  std::atomic<std::uint32_t> word{5};
  const std::uint32_t expected = 5;
  EXPECT_EQ(park(&word, &expected, sizeof(expected), 0ns), ParkResult::kTimedOut);
  EXPECT_EQ(park(&word, &expected, sizeof(expected), 1ms), ParkResult::kTimedOut);
  EXPECT_EQ(parked_waiter_count(&word), 0u);
}

TEST(ParkingLot, UnparkWithoutWaitersRunsCallbackWithNull) {
  std::atomic<std::uint8_t> word{0};
  struct Seen {
    int calls = 0;
    void* park_arg = reinterpret_cast<void*>(1);
    bool has_more_waiters = true;
  } seen;
  unpark_one(
      &word,
      [](void* arg, void* park_arg, bool has_more_waiters) {
        auto* s = static_cast<Seen*>(arg);
        ++s->calls;
        s->park_arg = park_arg;
        s->has_more_waiters = has_more_waiters;
      },
      &seen);
  EXPECT_EQ(seen.calls, 1);
  EXPECT_EQ(seen.park_arg, nullptr);
  EXPECT_FALSE(seen.has_more_waiters);
  unpark_one(&word, nullptr, nullptr);  // a null callback is allowed
  unpark_all(&word);                    // nobody to wake: no effect
}

TEST(ParkingLot, RunsBlockingHooksOnlyWhenItSleepsInDetachMode) {
  testing::HookCounter counter;
  const BlockingHooks hooks = counter.hooks();
  set_thread_blocking_hooks(&hooks);
  std::atomic<std::uint8_t> word{1};
  const std::uint8_t same = 1;
  const std::uint8_t different = 2;

  EXPECT_EQ(park(&word, &same, 1, 1ms, nullptr, LockMode::kDetach), ParkResult::kTimedOut);
  EXPECT_EQ(counter.before_block_calls, 1);
  EXPECT_EQ(counter.after_block_calls, 1);

  EXPECT_EQ(park(&word, &same, 1, 1ms, nullptr, LockMode::kDontDetach), ParkResult::kTimedOut);
  EXPECT_EQ(park(&word, &different, 1, 1ms, nullptr, LockMode::kDetach), ParkResult::kValueChanged);
  EXPECT_EQ(counter.before_block_calls, 1);
  EXPECT_EQ(counter.after_block_calls, 1);

  set_thread_blocking_hooks(nullptr);
  EXPECT_EQ(park(&word, &same, 1, 1ms), ParkResult::kTimedOut);
  EXPECT_EQ(counter.before_block_calls, 1);
}

}  // namespace
}  // namespace stitch::sync
