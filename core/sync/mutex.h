// Mutex: a one-byte lock that parks contended waiters in the parking lot.
//
// State (one byte, so it fits in every object header):
//   kLocked    (bit 0) -- somebody owns the lock
//   kHasParked (bit 1) -- some thread is (or is about to be) parked on this byte: unlock must
//                         unpark
//
// lock:   fast path CAS 0 -> kLocked. Slow path: while the lock is taken and nobody is parked,
//         yield up to kMaxSpins (40) times, retrying; then set kHasParked and park on the byte,
//         expecting kLocked|kHasParked (if the byte changed meanwhile, park returns at once and
//         we retry).
// unlock: fast path CAS kLocked -> 0. If kHasParked is set, unpark one waiter; the unpark
//         callback, run under the bucket lock, stores the new byte:
//           - fairness: if that waiter has waited longer than 1 ms (kTimeToBeFair), ownership is
//             handed off to it directly: the byte stays kLocked (plus kHasParked if others still
//             wait) and the waiter returns from lock() owning it without touching the byte;
//           - otherwise the byte becomes 0 (or kHasParked if others still wait) and the woken
//             waiter competes with any thread that arrives meanwhile (barging keeps throughput
//             high).
//         If no waiter was found (it timed out), the byte becomes 0 and kHasParked is cleared.
//
// Invariant: kHasParked is set whenever a thread is enqueued in the parking lot for this byte (it
// may also be set spuriously, which only costs an unlock slow path). A parked waiter's expected
// value includes kHasParked, so it cannot fall asleep after the bit was cleared.
//
// Orderings: acquiring the lock (fast CAS, slow CAS) is an acquire; releasing (fast CAS, callback's
// store) is a release; they pair with each other. A hand-off does not go through the byte: the
// unlocker's critical section happens-before the new owner's via the parking lot's semaphore post
// (release) / consume (acquire). Setting kHasParked is relaxed: the bucket lock orders it
// (parking_lot.h).
//
// LockMode: kDetach (default) runs the thread's blocking hooks around the sleep, so a thread
// waiting for a Mutex detaches from the runtime (suspending its critical sections); kDontDetach is
// for leaf locks. Stop-the-world caveat: a hand-off may give the lock to a thread that then gets
// suspended by a pause; code running inside a pause must not take a Mutex that paused threads
// might own.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <type_traits>

#include "core/sync/blocking_hooks.h"
#include "support/thread_annotations.h"

namespace stitch::sync {

class STITCH_CAPABILITY("mutex") Mutex {
 public:
  constexpr Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  /// Blocks until the lock is owned. Not recursive: locking a Mutex this thread owns deadlocks
  /// (critical sections handle recursion, see critical_section.h).
  void lock(LockMode mode = LockMode::kDetach) STITCH_ACQUIRE() {
    if (try_lock_fast()) {
      return;
    }
    lock_slow(std::chrono::nanoseconds(-1), mode);
  }

  /// Takes the lock only if it is free right now; never spins or parks.
  bool try_lock() STITCH_TRY_ACQUIRE(true) {
    std::uint8_t bits = bits_.load(std::memory_order_relaxed);
    while ((bits & kLocked) == 0) {
      // acquire: pairs with the release in unlock() / the unpark callback.
      if (bits_.compare_exchange_weak(bits, bits | kLocked, std::memory_order_acquire,
                                      std::memory_order_relaxed)) {
        return true;
      }
    }
    return false;
  }

  /// Like lock() but gives up after `timeout` (negative: never gives up; zero: same as try_lock
  /// except that it may first lose a race and retry). Returns whether the lock is now owned.
  bool lock_for(std::chrono::nanoseconds timeout, LockMode mode = LockMode::kDetach)
      STITCH_TRY_ACQUIRE(true) {
    if (try_lock_fast()) {
      return true;
    }
    return lock_slow(timeout, mode);
  }

  void unlock() STITCH_RELEASE() {
    std::uint8_t expected = kLocked;
    // release: pairs with the acquire of the next lock().
    if (bits_.compare_exchange_strong(expected, 0, std::memory_order_release,
                                      std::memory_order_relaxed)) {
      return;
    }
    unlock_slow();
  }

  /// A snapshot: whether somebody owns the lock.
  bool is_locked() const { return (bits_.load(std::memory_order_relaxed) & kLocked) != 0; }

  /// A snapshot: whether some thread has announced that it parks on this mutex (diagnostics,
  /// tests).
  bool has_parked_waiters() const {
    return (bits_.load(std::memory_order_relaxed) & kHasParked) != 0;
  }

  static constexpr std::uint8_t kLocked = 1;
  static constexpr std::uint8_t kHasParked = 2;
  static constexpr int kMaxSpins = 40;
  static constexpr std::chrono::nanoseconds kTimeToBeFair = std::chrono::milliseconds(1);

 private:
  bool try_lock_fast() STITCH_TRY_ACQUIRE(true) {
    std::uint8_t expected = 0;
    // acquire: pairs with the release in unlock() / the unpark callback.
    return bits_.compare_exchange_strong(expected, kLocked, std::memory_order_acquire,
                                         std::memory_order_relaxed);
  }

  // Returns whether the lock was acquired (false only when the timeout passed).
  bool lock_slow(std::chrono::nanoseconds timeout, LockMode mode) STITCH_TRY_ACQUIRE(true);
  void unlock_slow() STITCH_RELEASE();
  static void on_unpark(void* mutex, void* park_arg, bool has_more_waiters);

  std::atomic<std::uint8_t> bits_{0};
};

static_assert(sizeof(Mutex) == 1, "a Mutex is one byte: it lives in every object header");
static_assert(alignof(Mutex) == 1);
static_assert(std::is_standard_layout_v<Mutex>,
              "a Mutex parks on its own address (its only member)");
static_assert(std::is_trivially_destructible_v<Mutex>);

}  // namespace stitch::sync
