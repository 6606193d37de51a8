// OnceFlag: runs an initialiser exactly once, however many threads race to call it; every caller
// returns only after the initialiser has finished, and sees everything it wrote.
//
// State (one byte):
//   0          -- not started
//   kRunning   -- a thread is running the initialiser (bit 0)
//   kHasParked -- with kRunning: some thread waits (parked on the byte), so completion must unpark
//   kDone      -- finished (bit 2; no other bit is set once done)
// call_once: fast path: an acquire load sees kDone, return. Slow path: CAS 0 -> kRunning wins the
// right to run the initialiser; finishing exchanges in kDone (release) and unparks everybody if
// kHasParked was set. Losers set kHasParked and park expecting kRunning|kHasParked, then re-check.
// Orderings: the finishing exchange is a release that pairs with every caller's acquire load of
// kDone, so the initialiser's writes happen-before every call_once return.
//
// The initialiser returns void: inside the runtime, failures are values it stores itself. Calling
// call_once on the same flag from inside its own initialiser deadlocks. Waiters park with kDetach.
#pragma once

#include <atomic>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace stitch::sync {

class OnceFlag {
 public:
  constexpr OnceFlag() = default;
  OnceFlag(const OnceFlag&) = delete;
  OnceFlag& operator=(const OnceFlag&) = delete;

  template <class Initializer>
  void call_once(Initializer&& initializer) {
    static_assert(
        std::is_void_v<std::invoke_result_t<Initializer&&>>,
        "the initialiser returns void (no exceptions, no status: store failures yourself)");
    // acquire: pairs with the release exchange in finish(): the initialiser's writes are visible.
    if (state_.load(std::memory_order_acquire) == kDone) {
      return;
    }
    if (begin_slow()) {
      std::forward<Initializer>(initializer)();
      finish();
    }
  }

  /// Whether the initialiser has finished (and its effects are visible to the caller).
  bool is_done() const { return state_.load(std::memory_order_acquire) == kDone; }

 private:
  static constexpr std::uint8_t kRunning = 1;
  static constexpr std::uint8_t kHasParked = 2;
  static constexpr std::uint8_t kDone = 4;

  // Returns true if the caller must run the initialiser, false once another caller has finished it.
  bool begin_slow();
  void finish();

  std::atomic<std::uint8_t> state_{0};
};

static_assert(sizeof(OnceFlag) == 1);

}  // namespace stitch::sync
