#include "core/sync/bucket_lock.h"

#include <sched.h>

#include "core/sync/futex.h"

namespace stitch::sync::detail {
namespace {
constexpr int kSpinsBeforeSleeping = 40;
}  // namespace

void BucketLock::lock_slow() {
  for (int spins = 0; spins < kSpinsBeforeSleeping; ++spins) {
    std::uint32_t state = word_.load(std::memory_order_relaxed);
    if (state == kUnlocked) {
      // acquire: pairs with the release exchange in unlock().
      if (word_.compare_exchange_weak(state, kLocked, std::memory_order_acquire,
                                      std::memory_order_relaxed)) {
        return;
      }
      continue;
    }
    if (state == kLockedWithSleepers) {
      break;  // others already sleep: join them rather than compete with the holder for the CPU
    }
    sched_yield();
  }
  // acquire: pairs with the release exchange in unlock() when the old state was kUnlocked.
  while (word_.exchange(kLockedWithSleepers, std::memory_order_acquire) != kUnlocked) {
    futex_wait(word_, kLockedWithSleepers, Deadline::never());
  }
}

void BucketLock::unlock() {
  // release: pairs with the acquiring CAS/exchange in lock() and lock_slow().
  if (word_.exchange(kUnlocked, std::memory_order_release) == kLockedWithSleepers) {
    futex_wake(&word_, 1);
  }
}

}  // namespace stitch::sync::detail
