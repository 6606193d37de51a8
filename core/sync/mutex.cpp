#include "core/sync/mutex.h"

#include <sched.h>

#include <cstdio>
#include <cstdlib>

#include "core/sync/deadline.h"
#include "core/sync/parking_lot.h"

namespace stitch::sync {
namespace {

// What a parked lock() tells the unlocker (through park_arg) and what the unlocker answers. Lives
// on the waiter's stack; both fields are accessed under the bucket lock or ordered by the
// semaphore.
struct FairnessRecord {
  Deadline::Clock::time_point time_to_be_fair;
  bool was_handed_off = false;
};

}  // namespace

bool Mutex::lock_slow(std::chrono::nanoseconds timeout, LockMode mode) {
  const Deadline deadline = Deadline::after(timeout);
  // The fairness clock starts when the wait starts, spinning included.
  FairnessRecord fairness{Deadline::Clock::now() + kTimeToBeFair};
  int spins = 0;
  std::uint8_t bits = bits_.load(std::memory_order_relaxed);
  for (;;) {
    if ((bits & kLocked) == 0) {
      // acquire: pairs with the release in unlock() / on_unpark(). Keeps kHasParked if set.
      if (bits_.compare_exchange_weak(bits, bits | kLocked, std::memory_order_acquire,
                                      std::memory_order_relaxed)) {
        return true;
      }
      continue;
    }
    if (timeout == std::chrono::nanoseconds::zero()) {
      return false;
    }
    if ((bits & kHasParked) == 0 && spins < kMaxSpins) {
      // Nobody sleeps yet: the owner probably releases soon. Give the CPU away and retry.
      sched_yield();
      ++spins;
      bits = bits_.load(std::memory_order_relaxed);
      continue;
    }
    if ((bits & kHasParked) == 0) {
      // relaxed: the parking lot's bucket lock orders this against the unlocker's unpark.
      if (!bits_.compare_exchange_weak(bits, bits | kHasParked, std::memory_order_relaxed,
                                       std::memory_order_relaxed)) {
        continue;
      }
      bits |= kHasParked;
    }
    const ParkResult result =
        park(&bits_, &bits, sizeof(bits), deadline.remaining(), &fairness, mode);
    if (result == ParkResult::kUnparked && fairness.was_handed_off) {
      // We own the lock: the unlocker left the byte kLocked for us. Its critical section
      // happens-before ours through the parking lot's post (release) / consume (acquire).
      return true;
    }
    if (result == ParkResult::kTimedOut && deadline.has_passed()) {
      return false;
    }
    bits = bits_.load(std::memory_order_relaxed);
  }
}

void Mutex::on_unpark(void* mutex, void* park_arg, bool has_more_waiters) {
  auto* self = static_cast<Mutex*>(mutex);
  std::uint8_t new_bits = 0;
  if (park_arg != nullptr) {
    auto* fairness = static_cast<FairnessRecord*>(park_arg);
    const bool should_be_fair = Deadline::Clock::now() > fairness->time_to_be_fair;
    fairness->was_handed_off = should_be_fair;
    if (should_be_fair) {
      new_bits |= kLocked;
    }
    if (has_more_waiters) {
      new_bits |= kHasParked;
    }
  }
  // release: pairs with the acquire CAS of the next lock() (when not handed off).
  self->bits_.store(new_bits, std::memory_order_release);
}

void Mutex::unlock_slow() {
  std::uint8_t bits = bits_.load(std::memory_order_relaxed);
  for (;;) {
    if ((bits & kLocked) == 0) {
      std::fprintf(stderr, "stitch::sync::Mutex::unlock: the mutex at %p is not locked\n",
                   static_cast<void*>(this));
      std::abort();
    }
    if ((bits & kHasParked) != 0) {
      unpark_one(&bits_, &Mutex::on_unpark, this);
      return;
    }
    // release: pairs with the acquire of the next lock().
    if (bits_.compare_exchange_weak(bits, 0, std::memory_order_release,
                                    std::memory_order_relaxed)) {
      return;
    }
  }
}

}  // namespace stitch::sync
