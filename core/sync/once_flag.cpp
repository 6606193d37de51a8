#include "core/sync/once_flag.h"

#include <chrono>

#include "core/sync/parking_lot.h"

namespace stitch::sync {

bool OnceFlag::begin_slow() {
  std::uint8_t state = state_.load(std::memory_order_acquire);  // pairs with finish()'s release
  for (;;) {
    if (state == kDone) {
      return false;
    }
    if (state == 0) {
      // relaxed: winning only grants the right to run; nothing is read from before.
      if (state_.compare_exchange_weak(state, kRunning, std::memory_order_relaxed,
                                       std::memory_order_acquire)) {
        return true;
      }
      continue;  // failure loaded `state` with acquire (it may be kDone)
    }
    if ((state & kHasParked) == 0) {
      // relaxed: the parking lot's bucket lock orders this against finish()'s unpark_all.
      if (!state_.compare_exchange_weak(state, state | kHasParked, std::memory_order_relaxed,
                                        std::memory_order_acquire)) {
        continue;
      }
      state |= kHasParked;
    }
    park(&state_, &state, sizeof(state), std::chrono::nanoseconds(-1));
    state = state_.load(std::memory_order_acquire);  // pairs with finish()'s release
  }
}

void OnceFlag::finish() {
  // release: pairs with the acquire loads in call_once / is_done / begin_slow.
  const std::uint8_t previous = state_.exchange(kDone, std::memory_order_release);
  if ((previous & kHasParked) != 0) {
    unpark_all(&state_);
  }
}

}  // namespace stitch::sync
