// Thin wrappers over Linux futex(2) on a 32-bit atomic word, private to the process.
//
// A futex wait sleeps only if the word still holds `expected` when the kernel checks it (atomically
// with queueing the sleeper), so "check, then sleep" cannot miss a wake-up issued after the waker
// changed the word. Wake-ups may be spurious: every caller re-checks its condition in a loop.
// The kernel only uses the word's address as a key; ThreadSanitizer sees none of this, so all
// happens-before edges in this component come from the atomic operations on the word itself.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/sync/deadline.h"

namespace stitch::sync::detail {

enum class FutexWaitResult : std::uint8_t {
  kWokenOrSpurious,  ///< woken, interrupted, or the word no longer held `expected`: re-check
  kTimedOut,         ///< the deadline passed
};

/// Sleeps while `*word == expected`, until woken or until `deadline` (absolute, monotonic) passes.
FutexWaitResult futex_wait(std::atomic<std::uint32_t>& word, std::uint32_t expected,
                           const Deadline& deadline);

/// Wakes up to `count` threads sleeping on `word`. Only the address is used: it is safe to call
/// after the object holding the word has gone away (the wake is then spurious for whoever sleeps
/// there).
void futex_wake(const std::atomic<std::uint32_t>* word, int count);

}  // namespace stitch::sync::detail
