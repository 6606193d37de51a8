// Stop-the-world: pauses every attached thread while others run, attach and detach; a thread that
// attaches during a pause waits; threads blocked on a lock are detached and do not hold a pause up.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "core/runtime/tests/test_support.h"
#include "core/sync/mutex.h"

namespace stitch::rt {
namespace {

using testing::make_runtime;

// Workers count themselves "running" only between safepoints, where a pause cannot hold them.
struct Workload {
  std::atomic<bool> stop{false};
  std::atomic<int> running{0};
  std::atomic<long> work{0};
};

void run_worker(Runtime& runtime, Workload& load, bool churn_attach) {
  auto state = runtime.attach_current_thread();
  ASSERT_TRUE(state);
  ThreadState* self = *state;
  long iteration = 0;
  while (!load.stop.load(std::memory_order_relaxed)) {
    load.running.fetch_add(1, std::memory_order_seq_cst);
    for (int i = 0; i < 50; ++i) load.work.fetch_add(1, std::memory_order_relaxed);
    load.running.fetch_sub(1, std::memory_order_seq_cst);
    ASSERT_TRUE(self->safepoint().is_ok());
    if (churn_attach && ++iteration % 16 == 0) {
      ASSERT_TRUE(runtime.detach_current_thread().is_ok());
      std::this_thread::yield();
      ASSERT_TRUE(runtime.attach_current_thread());
    }
  }
  ASSERT_TRUE(runtime.detach_current_thread().is_ok());
}

void check_pauses(Runtime& runtime, Workload& load, int pauses) {
  auto state = runtime.attach_current_thread();
  ASSERT_TRUE(state);
  for (int p = 0; p < pauses; ++p) {
    runtime.stop_the_world(**state);
    EXPECT_TRUE(runtime.is_world_stopped());
    EXPECT_EQ(load.running.load(std::memory_order_seq_cst), 0) << "a thread ran during a pause";
    long before = load.work.load(std::memory_order_relaxed);
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    EXPECT_EQ(load.work.load(std::memory_order_relaxed), before) << "work happened during a pause";
    runtime.start_the_world(**state);
    ASSERT_TRUE((*state)->safepoint().is_ok());
  }
  ASSERT_TRUE(runtime.detach_current_thread().is_ok());
}

TEST(StopTheWorld, PausesRunningThreads) {
  auto runtime = make_runtime();
  Workload load;
  std::vector<std::thread> workers;
  for (int t = 0; t < 6; ++t) workers.emplace_back(run_worker, std::ref(*runtime), std::ref(load), false);
  check_pauses(*runtime, load, 200 / testing::kScale);
  load.stop = true;
  for (auto& w : workers) w.join();
  EXPECT_GT(load.work.load(), 0);
}

TEST(StopTheWorld, PausesWhileThreadsAttachAndDetach) {
  auto runtime = make_runtime();
  Workload load;
  std::vector<std::thread> workers;
  for (int t = 0; t < 6; ++t) workers.emplace_back(run_worker, std::ref(*runtime), std::ref(load), true);
  check_pauses(*runtime, load, 200 / testing::kScale);
  load.stop = true;
  for (auto& w : workers) w.join();
}

TEST(StopTheWorld, ConcurrentRequestersTakeTurns) {
  auto runtime = make_runtime();
  Workload load;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back(run_worker, std::ref(*runtime), std::ref(load), true);
  std::vector<std::thread> requesters;
  for (int r = 0; r < 3; ++r) {
    requesters.emplace_back(check_pauses, std::ref(*runtime), std::ref(load), 60 / testing::kScale);
  }
  for (auto& r : requesters) r.join();
  load.stop = true;
  for (auto& t : threads) t.join();
}

TEST(StopTheWorld, AttachDuringPauseWaitsUntilRestart) {
  auto runtime = make_runtime();
  auto state = runtime->attach_current_thread();
  ASSERT_TRUE(state);
  std::atomic<bool> attached{false};
  // Create the other thread's state first, so the pause sees it detached.
  std::atomic<bool> go{false};
  std::thread other([&] {
    ASSERT_TRUE(runtime->attach_current_thread());
    ASSERT_TRUE(runtime->detach_current_thread().is_ok());
    while (!go.load()) std::this_thread::yield();
    ASSERT_TRUE(runtime->attach_current_thread());
    attached = true;
    ASSERT_TRUE(runtime->detach_current_thread().is_ok());
  });
  while (runtime->thread_count() < 2 || runtime->attached_count() > 1) std::this_thread::yield();
  runtime->stop_the_world(**state);
  go = true;
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(attached.load()) << "a thread attached during a pause";
  runtime->start_the_world(**state);
  other.join();
  EXPECT_TRUE(attached.load());
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
}

TEST(StopTheWorld, ThreadBlockedOnALockDoesNotHoldThePauseUp) {
  auto runtime = make_runtime();
  sync::Mutex lock;
  auto state = runtime->attach_current_thread();
  ASSERT_TRUE(state);
  lock.lock();
  std::atomic<bool> waiter_has_lock{false};
  std::thread waiter([&] {
    auto mine = runtime->attach_current_thread();
    ASSERT_TRUE(mine);
    lock.lock();  // parks, and parking detaches this thread
    EXPECT_TRUE((*mine)->is_attached()) << "waking from the lock must re-attach";
    waiter_has_lock = true;
    lock.unlock();
    ASSERT_TRUE(runtime->detach_current_thread().is_ok());
  });
  // Wait until the waiter is parked (detached).
  while (runtime->attached_count() != 1) std::this_thread::sleep_for(std::chrono::microseconds(100));
  runtime->stop_the_world(**state);  // would hang if the parked waiter counted as running
  runtime->start_the_world(**state);
  lock.unlock();
  waiter.join();
  EXPECT_TRUE(waiter_has_lock.load());
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
}

}  // namespace
}  // namespace stitch::rt
