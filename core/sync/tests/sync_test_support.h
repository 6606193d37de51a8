// Helpers shared by the core/sync tests: iteration scaling, bounded polling, the blocking hooks the
// runtime will install, and a watchdog that turns a hang into a failure.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "core/sync/blocking_hooks.h"
#include "core/sync/critical_section.h"

namespace stitch::sync::testing {

#if defined(STITCH_SANITIZER_BUILD)
inline constexpr int kIterationScale =
    1;  // sanitizers run ~10x slower: keep tests at a few seconds
#else
inline constexpr int kIterationScale = 10;
#endif

inline constexpr int kThreadCount = 8;

/// A generous bound for "this must happen eventually": used to fail instead of hanging, never to
/// assert on speed.
inline constexpr std::chrono::seconds kEventuallyBound{30};

/// Polls `condition` (yielding) until it holds or kEventuallyBound passes; returns whether it held.
template <class Condition>
bool eventually(Condition condition) {
  const auto give_up_at = std::chrono::steady_clock::now() + kEventuallyBound;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > give_up_at) {
      return false;
    }
    std::this_thread::yield();
  }
  return true;
}

/// Makes racing threads start their loops together (thread creation is slow enough that early
/// threads could otherwise finish before late ones start): each calls arrive_and_wait().
class StartGate {
 public:
  explicit StartGate(int thread_count) : thread_count_(thread_count) {}
  void arrive_and_wait() {
    arrived_.fetch_add(1, std::memory_order_relaxed);
    while (arrived_.load(std::memory_order_relaxed) < thread_count_) {
      std::this_thread::yield();
    }
  }

 private:
  const int thread_count_;
  std::atomic<int> arrived_{0};
};

/// Installs, for the calling thread's lifetime of this object, the hooks core/runtime will install
/// (minus the thread-state change): suspend every critical section before blocking, resume the top
/// one after waking.
class SuspendingHooksScope {
 public:
  SuspendingHooksScope() {
    static const BlockingHooks hooks{nullptr, [](void*) { suspend_all_critical_sections(); },
                                     [](void*) { resume_top_critical_section(); }};
    set_thread_blocking_hooks(&hooks);
  }
  ~SuspendingHooksScope() { set_thread_blocking_hooks(nullptr); }
  SuspendingHooksScope(const SuspendingHooksScope&) = delete;
  SuspendingHooksScope& operator=(const SuspendingHooksScope&) = delete;
};

/// Counts hook calls made on the calling thread.
struct HookCounter {
  int before_block_calls = 0;
  int after_block_calls = 0;

  BlockingHooks hooks() {
    return BlockingHooks{this,
                         [](void* self) { ++static_cast<HookCounter*>(self)->before_block_calls; },
                         [](void* self) { ++static_cast<HookCounter*>(self)->after_block_calls; }};
  }
};

/// If `finish()` is not called within `bound`, prints `what` and ends the process with a failure
/// status (a hung test cannot be recovered; the ctest TIMEOUT is the second line of defence).
class Watchdog {
 public:
  Watchdog(const char* what, std::chrono::seconds bound)
      : thread_([this, what, bound] {
          std::unique_lock<std::mutex> lock(mutex_);
          if (!finished_condition_.wait_for(lock, bound, [this] { return is_finished_; })) {
            std::fprintf(stderr, "WATCHDOG: %s did not finish within %lld s: deadlock or hang\n",
                         what, static_cast<long long>(bound.count()));
            std::fflush(stderr);
            std::_Exit(3);
          }
        }) {}

  ~Watchdog() {
    finish();
    thread_.join();
  }

  void finish() {
    std::lock_guard<std::mutex> lock(mutex_);
    is_finished_ = true;
    finished_condition_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable finished_condition_;
  bool is_finished_ = false;
  std::thread thread_;  // last: starts after the members it uses are constructed
};

}  // namespace stitch::sync::testing
