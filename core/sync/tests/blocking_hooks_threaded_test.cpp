// Blocking hooks around a contended Mutex: called for kDetach, never for kDontDetach.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/sync/mutex.h"
#include "core/sync/parking_lot.h"
#include "core/sync/tests/sync_test_support.h"

namespace stitch::sync {
namespace {

using testing::eventually;
using testing::HookCounter;

// Runs one contended lock(mode) on another thread that has counting hooks installed; returns the
// counts. The lock is held here until that thread has really parked, so its lock must block.
HookCounter contended_lock_hook_calls(LockMode mode) {
  Mutex mutex;
  HookCounter counter;
  mutex.lock();
  std::thread waiter([&] {
    const BlockingHooks hooks = counter.hooks();
    set_thread_blocking_hooks(&hooks);
    mutex.lock(mode);
    mutex.unlock();
    set_thread_blocking_hooks(nullptr);
  });
  EXPECT_TRUE(eventually([&] { return parked_waiter_count(&mutex) == 1; }));
  mutex.unlock();
  waiter.join();  // publishes the counter
  return counter;
}

TEST(BlockingHooksThreaded, AreCalledAroundAParkedDetachLock) {
  const HookCounter counter = contended_lock_hook_calls(LockMode::kDetach);
  EXPECT_GE(counter.before_block_calls, 1);
  EXPECT_EQ(counter.before_block_calls, counter.after_block_calls);
}

TEST(BlockingHooksThreaded, AreNeverCalledForADontDetachLock) {
  const HookCounter counter = contended_lock_hook_calls(LockMode::kDontDetach);
  EXPECT_EQ(counter.before_block_calls, 0);
  EXPECT_EQ(counter.after_block_calls, 0);
}

TEST(BlockingHooksThreaded, AreNotCalledWhenTheLockIsFree) {
  Mutex mutex;
  HookCounter counter;
  std::thread thread([&] {
    const BlockingHooks hooks = counter.hooks();
    set_thread_blocking_hooks(&hooks);
    for (int i = 0; i < 100; ++i) {
      mutex.lock();
      mutex.unlock();
    }
    set_thread_blocking_hooks(nullptr);
  });
  thread.join();
  EXPECT_EQ(counter.before_block_calls, 0);
}

}  // namespace
}  // namespace stitch::sync
