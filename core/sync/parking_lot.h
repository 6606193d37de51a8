// Parking lot: lets a thread sleep on *any* address, so that a lock, event or once-flag needs only
// a byte or two of state and no kernel object of its own.
//
// Data. A global table of kBucketCount (257, prime) buckets, chosen by hashing the address. A
// bucket is a BucketLock plus a FIFO doubly-linked list of wait entries. A wait entry lives on the
// parked thread's stack: {address, park_arg, is_unparking, a WaiterSemaphore}. Many addresses share
// a bucket; the list is filtered by address.
//
// park(address, expected, ...): under the bucket lock, compare *address with *expected; if they
// differ return kValueChanged at once; else enqueue, unlock, run the blocking hooks (kDetach), and
// sleep on the entry's own semaphore until unparked or the deadline passes. On time-out, re-lock
// the bucket: if an unparker already dequeued us (is_unparking), it is about to post, and its
// callback may already have handed us something (a mutex), so wait for that post and report
// kUnparked; else dequeue ourselves and report kTimedOut.
//
// unpark_one(address, callback, arg): under the bucket lock, dequeue the first waiter on `address`,
// run callback(arg, waiter's park_arg or null, whether more waiters remain on `address`), mark the
// waiter is_unparking; then, outside the lock, post its semaphore. unpark_all dequeues every waiter
// on `address` and posts each outside the lock.
//
// Invariant / no lost wake-ups. The value check and the enqueue happen under the same bucket lock
// that an unparker takes. A waker first changes the value, then unparks. Either the unparker's
// critical section comes after the parker's (then it finds the entry) or before (then the parker's
// bucket-lock acquire happens-after the waker's store, so the parker's load sees the new value and
// returns kValueChanged). So the value load can be relaxed: the bucket lock provides the ordering.
//
// Callbacks run under a bucket lock: they must be short, must not park, unpark, or take any lock
// that is held around an unpark (they typically store the new lock word). Wakers publish data to
// the woken thread through the semaphore (post is a release, the waiter's consume is an acquire).
#pragma once

#include <chrono>
#include <cstddef>

#include "core/sync/blocking_hooks.h"

namespace stitch::sync {

enum class ParkResult {
  kUnparked,      ///< an unpark_one/unpark_all woke this thread
  kTimedOut,      ///< the timeout passed first (never reported for a negative timeout)
  kValueChanged,  ///< *address != *expected when checked under the bucket lock; did not sleep
};

/// Sleeps on `address` if it still holds the `size`-byte value at `expected` (size is 1, 2, 4 or 8
/// and `address` must be suitably aligned and only ever accessed atomically). A negative timeout
/// waits forever; zero checks the value but never sleeps. `park_arg` is handed to unpark_one's
/// callback.
ParkResult park(const void* address, const void* expected, std::size_t size,
                std::chrono::nanoseconds timeout, void* park_arg = nullptr,
                LockMode mode = LockMode::kDetach);

/// Wakes the longest-waiting thread parked on `address`, if any. `callback` (may be null) runs
/// under the bucket lock with (arg, the woken waiter's park_arg or null if nobody waits, whether
/// others still wait on `address`) before the waiter is woken (which happens outside the lock).
void unpark_one(const void* address,
                void (*callback)(void* arg, void* park_arg, bool has_more_waiters), void* arg);

/// Wakes every thread parked on `address`.
void unpark_all(const void* address);

/// Diagnostic (tests, debugging): how many threads are currently enqueued on `address`. The answer
/// may be stale as soon as it is returned.
std::size_t parked_waiter_count(const void* address);

}  // namespace stitch::sync
