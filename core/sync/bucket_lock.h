// BucketLock: the small word lock that guards one parking-lot bucket.
//
// It cannot be a Mutex (a Mutex parks *through* the buckets), so it sleeps on its own futex word.
// Three states: kUnlocked, kLocked (no sleeper), kLockedWithSleepers (someone may be in
// futex_wait).
//   lock:   CAS kUnlocked -> kLocked; else spin a little (hold times are a few list
//           operations), then exchange in kLockedWithSleepers and sleep while the word stays
//           kLockedWithSleepers. A thread that got the lock by that exchange keeps the "with
//           sleepers" state: it cannot know whether others still sleep, so its unlock wakes one,
//           which is at worst a spurious wake-up.
//   unlock: exchange in kUnlocked; wake one sleeper if the old state was kLockedWithSleepers.
// Orderings: the acquiring CAS/exchange are acquire, the unlock exchange is release; they pair with
// each other and order the bucket's list between consecutive holders.
// A BucketLock never runs blocking hooks and is never held while parking or calling out to code
// other than an unpark callback (which must not take bucket locks), so it is a pure leaf lock.
#pragma once

#include <atomic>
#include <cstdint>

#include "support/thread_annotations.h"

namespace stitch::sync::detail {

class STITCH_CAPABILITY("mutex") BucketLock {
 public:
  constexpr BucketLock() = default;
  BucketLock(const BucketLock&) = delete;
  BucketLock& operator=(const BucketLock&) = delete;

  void lock() STITCH_ACQUIRE() {
    std::uint32_t expected = kUnlocked;
    // acquire: pairs with the release exchange in unlock().
    if (word_.compare_exchange_strong(expected, kLocked, std::memory_order_acquire,
                                      std::memory_order_relaxed)) {
      return;
    }
    lock_slow();
  }

  void unlock() STITCH_RELEASE();

 private:
  static constexpr std::uint32_t kUnlocked = 0;
  static constexpr std::uint32_t kLocked = 1;
  static constexpr std::uint32_t kLockedWithSleepers = 2;

  void lock_slow();

  std::atomic<std::uint32_t> word_{kUnlocked};
};

/// RAII holder for a BucketLock.
class STITCH_SCOPED_CAPABILITY BucketLockGuard {
 public:
  explicit BucketLockGuard(BucketLock& lock) STITCH_ACQUIRE(lock) : lock_(lock) { lock_.lock(); }
  ~BucketLockGuard() STITCH_RELEASE() { lock_.unlock(); }
  BucketLockGuard(const BucketLockGuard&) = delete;
  BucketLockGuard& operator=(const BucketLockGuard&) = delete;

 private:
  BucketLock& lock_;
};

}  // namespace stitch::sync::detail
