#include "core/sync/waiter_semaphore.h"

#include "core/sync/futex.h"

namespace stitch::sync::detail {

bool WaiterSemaphore::wait(const Deadline& deadline) {
  for (;;) {
    std::uint32_t state = state_.load(std::memory_order_relaxed);
    if (state == kPosted) {
      // acquire: pairs with post()'s release exchange, so the unparker's writes are visible to us.
      state_.exchange(kEmpty, std::memory_order_acquire);
      return true;
    }
    if (state == kEmpty) {
      // relaxed: only announces "asleep"; post() reads it through its own exchange (an RMW, so it
      // sees this store or a later one) and futex_wait re-checks the word in the kernel.
      if (!state_.compare_exchange_strong(state, kSleeping, std::memory_order_relaxed,
                                          std::memory_order_relaxed)) {
        continue;  // posted meanwhile
      }
    }
    if (futex_wait(state_, kSleeping, deadline) == FutexWaitResult::kTimedOut) {
      std::uint32_t expected = kSleeping;
      // acquire on failure: the only way to fail is a post that just arrived, which we then
      // consume.
      if (state_.compare_exchange_strong(expected, kEmpty, std::memory_order_relaxed,
                                         std::memory_order_acquire)) {
        return false;
      }
      state_.exchange(kEmpty, std::memory_order_acquire);  // pairs with post()'s release
      return true;
    }
  }
}

void WaiterSemaphore::post() {
  // release: pairs with the owner's acquire exchange in wait(); publishes everything written
  // before.
  const std::uint32_t previous = state_.exchange(kPosted, std::memory_order_release);
  if (previous == kSleeping) {
    futex_wake(&state_, 1);  // address only: the owner may already be gone (see header)
  }
}

}  // namespace stitch::sync::detail
