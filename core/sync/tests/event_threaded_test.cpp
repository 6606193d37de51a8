// Event with many waiters: time-outs while unset, everybody woken by one set, writes published.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "core/sync/event.h"
#include "core/sync/parking_lot.h"
#include "core/sync/tests/sync_test_support.h"

namespace stitch::sync {
namespace {

using namespace std::chrono_literals;
using testing::eventually;
using testing::kIterationScale;
using testing::kThreadCount;

TEST(EventThreaded, ManyWaitersTimeOutWhileUnset) {
  Event event;
  std::atomic<int> reported_set{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreadCount; ++t) {
    threads.emplace_back([&, t] {
      if (event.wait(std::chrono::microseconds(200 * (t + 1)))) {
        reported_set.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(reported_set.load(std::memory_order_relaxed), 0);
  EXPECT_FALSE(event.is_set());
}

TEST(EventThreaded, OneSetWakesEveryWaiterAndPublishesItsWrites) {
  const int rounds = 10 * kIterationScale;
  for (int round = 0; round < rounds; ++round) {
    Event event;
    int payload = 0;  // plain: only the happens-before of set/wait makes reading it safe
    std::atomic<int> saw_payload{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreadCount; ++t) {
      threads.emplace_back([&, t] {
        // Half wait forever, half with a time-out far longer than the test.
        const bool was_set = t % 2 == 0 ? event.wait(-1ns) : event.wait(60s);
        if (was_set && payload == 42) {
          saw_payload.fetch_add(1, std::memory_order_relaxed);
        }
      });
    }
    // Set while some have parked and others may still be arriving: both paths must see it.
    ASSERT_TRUE(eventually([&] { return parked_waiter_count(&event) >= kThreadCount / 2; }));
    payload = 42;
    event.set();
    for (auto& thread : threads) {
      thread.join();
    }
    EXPECT_EQ(saw_payload.load(std::memory_order_relaxed), kThreadCount) << "round " << round;
    EXPECT_EQ(parked_waiter_count(&event), 0u);
  }
}

TEST(EventThreaded, SetThenImmediateResetStillReleasesParkedWaiters) {
  const int rounds = 10 * kIterationScale;
  for (int round = 0; round < rounds; ++round) {
    Event event;
    std::atomic<int> released{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreadCount; ++t) {
      threads.emplace_back([&] {
        if (event.wait(-1ns)) {
          released.fetch_add(1, std::memory_order_relaxed);
        }
      });
    }
    ASSERT_TRUE(eventually([&] { return parked_waiter_count(&event) == kThreadCount; }));
    event.set();
    event.reset();  // a parked waiter was woken by the set: it must not miss it
    for (auto& thread : threads) {
      thread.join();
    }
    EXPECT_EQ(released.load(std::memory_order_relaxed), kThreadCount);
    EXPECT_FALSE(event.is_set());
  }
}

}  // namespace
}  // namespace stitch::sync
