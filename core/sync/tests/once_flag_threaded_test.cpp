// OnceFlag with 8 racing threads: the initialiser runs exactly once and everybody sees its effects.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "core/sync/once_flag.h"
#include "core/sync/tests/sync_test_support.h"

namespace stitch::sync {
namespace {

using testing::kIterationScale;
using testing::kThreadCount;

TEST(OnceFlagThreaded, RunsExactlyOnceAndEveryCallerSeesItsEffects) {
  const int rounds = 50 * kIterationScale;
  for (int round = 0; round < rounds; ++round) {
    OnceFlag flag;
    std::atomic<int> runs{0};
    std::atomic<bool> go{false};
    int table[16] = {};  // plain: the initialiser's writes must be visible after call_once
    std::atomic<int> callers_that_saw_effects{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreadCount; ++t) {
      threads.emplace_back([&] {
        while (!go.load(std::memory_order_relaxed)) {
          std::this_thread::yield();
        }
        flag.call_once([&] {
          runs.fetch_add(1, std::memory_order_relaxed);
          for (int i = 0; i < 16; ++i) {
            table[i] = i * i;
            std::this_thread::yield();  // keep the others waiting (and parking) for a while
          }
        });
        EXPECT_TRUE(flag.is_done());
        bool complete = true;
        for (int i = 0; i < 16; ++i) {
          complete = complete && table[i] == i * i;
        }
        if (complete) {
          callers_that_saw_effects.fetch_add(1, std::memory_order_relaxed);
        }
      });
    }
    go.store(true, std::memory_order_relaxed);
    for (auto& thread : threads) {
      thread.join();
    }
    EXPECT_EQ(runs.load(std::memory_order_relaxed), 1) << "round " << round;
    EXPECT_EQ(callers_that_saw_effects.load(std::memory_order_relaxed), kThreadCount);
    flag.call_once(
        [&] { runs.fetch_add(1, std::memory_order_relaxed); });  // done: never runs again
    EXPECT_EQ(runs.load(std::memory_order_relaxed), 1);
  }
}

}  // namespace
}  // namespace stitch::sync
