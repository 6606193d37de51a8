// Deadline: a relative timeout turned into an absolute point on the monotonic clock, once, so that
// a wait that is retried (spurious wake-up, lost race for the lock) does not restart its timeout.
//
// Convention used by the whole component: a negative timeout means "wait forever", zero means
// "don't wait at all", and a timeout too large to add to now() also means forever (no overflow).
#pragma once

#include <chrono>

namespace stitch::sync {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;  // CLOCK_MONOTONIC on Linux, the futex's absolute clock

  static Deadline never() { return Deadline(); }

  static Deadline after(std::chrono::nanoseconds timeout) {
    if (timeout < std::chrono::nanoseconds::zero()) {
      return never();
    }
    const Clock::time_point now = Clock::now();
    if (timeout > Clock::time_point::max() - now) {
      return never();
    }
    return Deadline(now + timeout);
  }

  bool is_forever() const { return is_forever_; }
  Clock::time_point time_point() const { return time_point_; }

  bool has_passed() const { return !is_forever_ && Clock::now() >= time_point_; }

  /// Time left, clamped at zero; negative (forever) for a deadline that never passes.
  std::chrono::nanoseconds remaining() const {
    if (is_forever_) {
      return std::chrono::nanoseconds(-1);
    }
    const auto left = time_point_ - Clock::now();
    return left > Clock::duration::zero()
               ? std::chrono::duration_cast<std::chrono::nanoseconds>(left)
               : std::chrono::nanoseconds::zero();
  }

 private:
  Deadline() : is_forever_(true) {}
  explicit Deadline(Clock::time_point at) : time_point_(at), is_forever_(false) {}

  Clock::time_point time_point_{};
  bool is_forever_;
};

}  // namespace stitch::sync
