// Critical sections under real contention: mutual exclusion with recursion, suspension while a
// nested section blocks, and freedom from deadlock when many threads take two objects in opposite
// orders.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include "core/sync/critical_section.h"
#include "core/sync/event.h"
#include "core/sync/parking_lot.h"
#include "core/sync/tests/sync_test_support.h"

namespace stitch::sync {
namespace {

using namespace std::chrono_literals;
using testing::eventually;
using testing::kIterationScale;
using testing::kThreadCount;
using testing::StartGate;
using testing::SuspendingHooksScope;
using testing::Watchdog;

// An "object": a lock and a plain counter that may be touched only while the lock is held.
struct Guarded {
  Mutex mutex;
  std::int64_t value STITCH_GUARDED_BY(mutex) = 0;
};

TEST(CriticalSectionThreaded, SectionsWithRecursionExcludeEachOther) {
  const int iterations = 10'000 * kIterationScale;
  Guarded object;
  StartGate gate(kThreadCount);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreadCount; ++t) {
    // The analysis treats capabilities as non-reentrant: switched off for this deliberately
    // recursive body.
    threads.emplace_back([&]() STITCH_NO_THREAD_SAFETY_ANALYSIS {
      SuspendingHooksScope hooks;
      gate.arrive_and_wait();
      for (int i = 0; i < iterations; ++i) {
        CriticalSection section(object.mutex);
        object.value = object.value + 1;
        CriticalSection recursive(object.mutex);  // no-op: still exclusive
        object.value = object.value + 1;
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  CriticalSection section(object.mutex);
  EXPECT_EQ(object.value, 2LL * kThreadCount * iterations);
}

// The mechanism behind deadlock freedom, step by step: a thread whose nested section blocks
// releases its outer section's lock while it sleeps, and gets it back when the nested section ends.
TEST(CriticalSectionThreaded, BlockingInANestedSectionReleasesTheOuterLockUntilItEnds) {
  Guarded outer;
  Guarded inner;
  Event inner_entered;
  std::atomic<bool> outer_relocked_after_inner{false};

  inner.mutex.lock();  // make the nested section block
  std::thread thread([&] {
    SuspendingHooksScope hooks;
    CriticalSection outer_section(outer.mutex);
    outer.value = 1;
    {
      CriticalSection inner_section(inner.mutex);  // parks: the hooks suspend outer_section
      inner.value = inner.value + 1;
      inner_entered.set();
    }
    // Ending the inner section resumed the outer one: the lock is ours again.
    outer_relocked_after_inner.store(outer.mutex.is_locked(), std::memory_order_relaxed);
    outer.value = outer.value + 1;
  });
  EXPECT_TRUE(eventually([&] { return parked_waiter_count(&inner.mutex) == 1; }));
  // The blocked thread holds no section lock: the outer object is free to lock here (bounded wait:
  // if suspension were broken this fails instead of hanging).
  if (outer.mutex.lock_for(testing::kEventuallyBound)) {
    EXPECT_EQ(outer.value, 1);
    outer.value = 10;
    outer.mutex.unlock();
  } else {
    ADD_FAILURE() << "the outer section's lock was not released while its thread blocked";
  }
  inner.mutex.unlock();
  EXPECT_TRUE(inner_entered.wait(-1ns));
  thread.join();
  EXPECT_TRUE(outer_relocked_after_inner.load(std::memory_order_relaxed));
  CriticalSection2 both(outer.mutex, inner.mutex);
  EXPECT_EQ(outer.value, 11);
  EXPECT_EQ(inner.value, 1);
}

// Many threads take pairs of objects in both orders, both as two-mutex sections and as nested
// single sections (the classic lock-order inversion). With the runtime's hooks installed this must
// never deadlock; a watchdog turns a deadlock into a failure instead of a hang.
TEST(CriticalSectionThreaded, OppositeOrderTwoObjectSectionsNeverDeadlock) {
  constexpr int kObjects = 3;  // few objects: many collisions
  const int iterations = 3'000 * kIterationScale;
  Guarded objects[kObjects];
  std::int64_t expected_total[kObjects] = {};
  std::vector<std::vector<std::int64_t>> per_thread_counts(kThreadCount,
                                                           std::vector<std::int64_t>(kObjects, 0));

  Watchdog watchdog("OppositeOrderTwoObjectSectionsNeverDeadlock", 120s);
  StartGate gate(kThreadCount);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreadCount; ++t) {
    threads.emplace_back([&, t] {
      SuspendingHooksScope hooks;
      std::vector<std::int64_t>& counts = per_thread_counts[t];
      std::uint32_t random = 0x9e3779b9u * static_cast<std::uint32_t>(t + 1);
      gate.arrive_and_wait();
      for (int i = 0; i < iterations; ++i) {
        random = random * 1664525u + 1013904223u;
        const int first = static_cast<int>((random >> 8) % kObjects);
        const int second = static_cast<int>((random >> 16) % kObjects);
        Guarded& x = objects[first];
        Guarded& y = objects[second];
        if ((random >> 24) % 2 == 0) {
          CriticalSection2 both(x.mutex, y.mutex);  // argument order varies by thread and iteration
          x.value = x.value + 1;
          ++counts[first];
          if (&x != &y) {
            y.value = y.value + 1;
            ++counts[second];
          }
        } else {
          // Nested single sections: x then y here, y then x in another thread at the same moment.
          CriticalSection outer_section(x.mutex);
          x.value = x.value + 1;
          ++counts[first];
          {
            CriticalSection inner_section(y.mutex);
            // Only y is guaranteed held here: if the inner lock blocked, x was released meanwhile.
            y.value = y.value + 1;
            ++counts[second];
          }
          x.value = x.value + 1;  // x is held again once the inner section ends
          ++counts[first];
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  watchdog.finish();
  for (const auto& counts : per_thread_counts) {
    for (int o = 0; o < kObjects; ++o) {
      expected_total[o] += counts[o];
    }
  }
  for (int o = 0; o < kObjects; ++o) {
    CriticalSection section(objects[o].mutex);
    EXPECT_EQ(objects[o].value, expected_total[o]) << "object " << o;
  }
  for (const Guarded& object : objects) {
    EXPECT_FALSE(object.mutex.is_locked());
  }
}

}  // namespace
}  // namespace stitch::sync
