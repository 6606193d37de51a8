// WaiterSemaphore: the one-shot wake-up signal a parked thread sleeps on.
//
// Each parking-lot wait entry owns one, on the parked thread's stack. Exactly one thread waits on
// it (its owner) and at most one post is made per park, by the thread that unparks the entry. So it
// is a binary semaphore with three states in one futex word:
//   kEmpty    -- nothing posted, owner awake
//   kSleeping -- nothing posted, owner asleep (or about to be) in futex_wait: post must futex_wake
//   kPosted   -- posted, not yet consumed
// post() exchanges in kPosted and makes the wake syscall only if it replaced kSleeping, so a post
// to an owner that has not gone to sleep yet costs one atomic exchange.
//
// Orderings. post's exchange is a release and the owner consumes kPosted with an acquire exchange:
// everything the unparking thread wrote before post (the unpark callback's writes, e.g. a mutex
// hand-off) happens-before the owner's return from wait. The owner's store of kSleeping is relaxed:
// it only publishes "please wake me", and the futex syscall re-checks the word atomically.
//
// Lifetime. The owner cannot return from wait before it has consumed kPosted, i.e. after post's
// exchange. After the exchange post touches only the word's address (futex_wake), which is harmless
// even if the owner has already returned and its stack frame is reused.
//
// Why not std::binary_semaphore: the standard does not let the owner destroy a semaphore while a
// release() on it may still be running, and the parking lot needs exactly that (the entry lives on
// the woken thread's stack). Speed was measured too (bench_sync: BM_WaiterSemaphorePingPong*) and
// does not decide it: see core/sync/README.md.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/sync/deadline.h"

namespace stitch::sync::detail {

class WaiterSemaphore {
 public:
  constexpr WaiterSemaphore() = default;
  WaiterSemaphore(const WaiterSemaphore&) = delete;
  WaiterSemaphore& operator=(const WaiterSemaphore&) = delete;

  /// Owner only: sleeps until posted (consuming the post, returns true) or until the deadline
  /// passes (returns false, nothing consumed).
  bool wait(const Deadline& deadline);

  /// Any thread, at most once per wait: wakes the owner.
  void post();

 private:
  static constexpr std::uint32_t kEmpty = 0;
  static constexpr std::uint32_t kSleeping = 1;
  static constexpr std::uint32_t kPosted = 2;

  std::atomic<std::uint32_t> state_{kEmpty};
};

}  // namespace stitch::sync::detail
