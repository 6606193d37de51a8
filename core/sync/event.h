// Event: a one-byte, manually reset flag that threads can wait for (with a timeout).
//
// State (one byte):
//   0          -- not set, nobody parked
//   kHasParked -- not set, some thread is (or is about to be) parked on the byte
//   kSet       -- set (kHasParked is dropped: setting wakes everybody)
// set:   exchange in kSet (release); if the old value was kHasParked, unpark_all.
// wait:  an acquire load sees kSet: return true. Else CAS 0 -> kHasParked if needed and park
//        expecting kHasParked. Woken by unpark_all means the event was set while we waited:
//        return true even if somebody reset it since (otherwise set-then-reset could lose
//        waiters). On kValueChanged, re-check (it may be set, or reset back to 0). On time-out,
//        report whether it is set.
// reset: CAS kSet -> 0 (relaxed): an unset event is left as it is (keeping kHasParked for waiters).
// Orderings: set's exchange is a release that pairs with the waiter's acquire load (or, when woken,
// the parking lot's post/consume), so what the setter wrote before set() is visible after wait().
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "core/sync/blocking_hooks.h"

namespace stitch::sync {

class Event {
 public:
  constexpr Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  /// Sets the event and wakes every waiter. Setting a set event does nothing.
  void set();

  /// Whether the event is set (acquire: the setter's earlier writes are visible if true).
  bool is_set() const { return state_.load(std::memory_order_acquire) == kSet; }

  /// Waits until the event is set or `timeout` passes (negative: forever; zero: just check).
  /// Returns whether the event was set.
  bool wait(std::chrono::nanoseconds timeout, LockMode mode = LockMode::kDetach);

  /// Clears a set event. Threads already woken by the set still report true.
  void reset();

 private:
  static constexpr std::uint8_t kSet = 1;
  static constexpr std::uint8_t kHasParked = 2;

  std::atomic<std::uint8_t> state_{0};
};

static_assert(sizeof(Event) == 1);

}  // namespace stitch::sync
