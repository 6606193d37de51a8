#include "core/sync/futex.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <ctime>

namespace stitch::sync::detail {
namespace {

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t),
              "the kernel reads the futex word as a plain 32-bit integer");

long futex_syscall(const std::atomic<std::uint32_t>* word, int operation, std::uint32_t value,
                   const timespec* timeout, std::uint32_t bitset) {
  return syscall(SYS_futex, reinterpret_cast<const std::uint32_t*>(word), operation, value, timeout,
                 nullptr, bitset);
}

timespec to_timespec(Deadline::Clock::time_point at) {
  const auto since_epoch = at.time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  const auto nanoseconds =
      std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - seconds);
  timespec result{};
  result.tv_sec = static_cast<time_t>(seconds.count());
  result.tv_nsec = static_cast<long>(nanoseconds.count());
  return result;
}

}  // namespace

FutexWaitResult futex_wait(std::atomic<std::uint32_t>& word, std::uint32_t expected,
                           const Deadline& deadline) {
  if (deadline.is_forever()) {
    futex_syscall(&word, FUTEX_WAIT_PRIVATE, expected, nullptr, 0);
    return FutexWaitResult::kWokenOrSpurious;
  }
  // FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC time, so retries keep the original
  // deadline.
  const timespec absolute = to_timespec(deadline.time_point());
  const long result = futex_syscall(&word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, expected,
                                    &absolute, FUTEX_BITSET_MATCH_ANY);
  if (result == -1 && errno == ETIMEDOUT) {
    return FutexWaitResult::kTimedOut;
  }
  return FutexWaitResult::kWokenOrSpurious;
}

void futex_wake(const std::atomic<std::uint32_t>* word, int count) {
  futex_syscall(word, FUTEX_WAKE_PRIVATE, static_cast<std::uint32_t>(count), nullptr, 0);
}

}  // namespace stitch::sync::detail
