// Blocking hooks: what a thread does just before it blocks (parks) and just after it wakes.
//
// Problem. A thread that waits for a lock while it is "attached" to the runtime would hold up a
// stop-the-world pause, and would keep the locks of its critical sections while it sleeps, which is
// how lock-order deadlocks happen. So every wait that may be long goes through these hooks:
// core/runtime installs, per OS thread, a `before_block` that detaches the thread state (which
// calls suspend_all_critical_sections() and lets a pause proceed) and an `after_block` that
// re-attaches it (which waits out a pause and calls resume_top_critical_section()).
//
// Rules.
//  - The hooks are per thread (thread_local) and copied on installation: the caller need not
//    keep the BlockingHooks struct alive. Null uninstalls them. By default a thread has none.
//    Install both or neither.
//  - They run outside every parking-lot bucket lock, after the waiter is enqueued, so a hook may
//    itself lock and unlock mutexes (suspending sections unlocks them; resuming re-locks them,
//    which may park again and so call the hooks again, nested: the hooks must tolerate that, as
//    attach/detach do).
//  - LockMode::kDontDetach waits never call the hooks. Use it for leaf locks: locks that are
//    never held while taking another lock or running code that may block, and locks the hooks
//    themselves use.
#pragma once

#include <cstdint>

namespace stitch::sync {

/// Per-thread callbacks run around every LockMode::kDetach wait. Either function pointer may be
/// null.
struct BlockingHooks {
  void* context;
  void (*before_block)(void* context);
  void (*after_block)(void* context);
};

/// Whether a wait runs the calling thread's blocking hooks.
enum class LockMode : std::uint8_t {
  kDetach,      ///< run before_block / after_block around the wait (the default)
  kDontDetach,  ///< leaf lock: never run the hooks
};

/// Installs (copies) the calling thread's hooks; null uninstalls them.
void set_thread_blocking_hooks(const BlockingHooks* hooks);

namespace detail {

/// RAII: calls the thread's before_block on construction and after_block on destruction, or nothing
/// for kDontDetach or when no hooks are installed. Used by the parking lot around the actual sleep.
class BlockingScope {
 public:
  explicit BlockingScope(LockMode mode);
  ~BlockingScope();
  BlockingScope(const BlockingScope&) = delete;
  BlockingScope& operator=(const BlockingScope&) = delete;

 private:
  BlockingHooks hooks_{};
  bool is_active_ = false;
};

}  // namespace detail
}  // namespace stitch::sync
