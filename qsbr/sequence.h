// QSBR sequences: the clock that orders retirements against quiescent states.
//
// A domain keeps one *write sequence*. It starts at 1 and only ever grows by 2, so it is
// always odd. Each thread record keeps a *read sequence*: the last write sequence the thread
// observed at a quiescent state, or kOffline (0) while the thread is detached. Because live
// sequences are odd, 0 can never be mistaken for one, even after the counter wraps around.
//
// Sequences are compared modulo 2^64: `a` is before `b` when the signed distance a - b is
// negative. This stays correct across the wrap from UINT64_MAX to 1 as long as the two
// values being compared are less than 2^63 apart, which no runtime will ever reach
// (2^62 advances at one per nanosecond take about 146 years).
#pragma once

#include <cstdint>

namespace stitch::qsbr {

/// A write or read sequence. Live values are odd; see the file comment.
using Sequence = std::uint64_t;

/// A thread's read sequence while it is offline (detached): it blocks nobody.
inline constexpr Sequence kOffline = 0;

/// The write sequence of a new domain (unless a test asks for another odd start).
inline constexpr Sequence kInitialSequence = 1;

/// Each advance adds this to the write sequence, which keeps it odd.
inline constexpr Sequence kSequenceIncrement = 2;

/// True when `a` comes strictly before `b`, wrap-safe: (int64_t)(a - b) < 0.
/// C++20 defines the unsigned-to-signed conversion as modular, so this is portable.
constexpr bool sequence_before(Sequence a, Sequence b) {
  return static_cast<std::int64_t>(a - b) < 0;
}

/// True when `observed` is at or after `goal`: a thread whose read sequence is `observed`
/// has passed a quiescent state since everything with that goal was retired.
constexpr bool sequence_reached(Sequence observed, Sequence goal) {
  return !sequence_before(observed, goal);
}

}  // namespace stitch::qsbr
