#include "core/sync/event.h"

#include "core/sync/deadline.h"
#include "core/sync/parking_lot.h"

namespace stitch::sync {

void Event::set() {
  // release: pairs with the acquire load in wait() / is_set().
  if (state_.exchange(kSet, std::memory_order_release) == kHasParked) {
    unpark_all(&state_);
  }
}

bool Event::wait(std::chrono::nanoseconds timeout, LockMode mode) {
  const Deadline deadline = Deadline::after(timeout);
  for (;;) {
    // acquire: pairs with set()'s release exchange.
    std::uint8_t state = state_.load(std::memory_order_acquire);
    if (state == kSet) {
      return true;
    }
    if (timeout == std::chrono::nanoseconds::zero()) {
      return false;
    }
    if (state == 0) {
      // relaxed: the parking lot's bucket lock orders this against set()'s unpark_all.
      if (!state_.compare_exchange_weak(state, kHasParked, std::memory_order_relaxed,
                                        std::memory_order_relaxed)) {
        continue;
      }
    }
    const std::uint8_t expected = kHasParked;
    switch (park(&state_, &expected, sizeof(expected), deadline.remaining(), nullptr, mode)) {
      case ParkResult::kUnparked:
        // Only set() unparks this address; the parking lot's post/consume orders its writes.
        return true;
      case ParkResult::kTimedOut:
        if (deadline.has_passed()) {
          return is_set();
        }
        break;
      case ParkResult::kValueChanged:
        break;
    }
  }
}

void Event::reset() {
  std::uint8_t expected = kSet;
  // relaxed: reset publishes nothing; a later set() is the release that matters.
  state_.compare_exchange_strong(expected, 0, std::memory_order_relaxed, std::memory_order_relaxed);
}

}  // namespace stitch::sync
