// Runtime: the shared state of one Stitch instance (thread list, QSBR domain, refcount merge domain,
// stop-the-world). Several runtimes may live in one process; nothing here is process-global except
// the per-OS-thread cache of thread states, which is keyed by runtime.
//
// Attaching is cheap and reusable: the first attach of an OS thread creates its ThreadState (QSBR
// record, refcount record, mimalloc heaps) and caches it in a thread_local; later attaches reuse it.
// The ThreadState is destroyed when its OS thread exits, or when the runtime shuts down if that
// happens first.
//
// Stop-the-world: one pause at a time (stw_mutex_). The requester marks the pause requested, then
// repeatedly sweeps the thread list: DETACHED threads are CAS'd to SUSPENDED, ATTACHED threads get
// PLEASE_STOP and suspend themselves at their next safepoint. A thread that tries to attach during a
// pause parks until start_the_world() moves it back to DETACHED. Inside a pause nobody runs user
// code, frees objects or takes a lock another thread might hold (ARCHITECTURE.md invariant 9).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/runtime/status.h"
#include "core/runtime/thread_state.h"
#include "core/sync/mutex.h"
#include "qsbr/qsbr.h"
#include "refcount/merge_queue.h"
#include "support/thread_annotations.h"

namespace stitch::rt {

namespace detail {
struct ThreadCache;
}

struct RuntimeConfig {
  /// Frees an object whose reference count reached zero. core/object installs its type dispatch.
  rc::DeallocFn object_dealloc = nullptr;
  qsbr::RetireLimits retire_limits{};
  /// Whether this runtime's interpreter counts, compiles and enters JIT code when a JIT is installed
  /// (core/interp/jit_interface.h; the hooks are process-wide, this choice is per runtime), and
  /// after how many entries + loop back-edges a code object is compiled. Copied into each
  /// ThreadState, so the interpreter reads them with one load from the thread it already holds.
  bool jit_enabled = true;
  std::int32_t jit_threshold = 1000;
  /// C stack size in bytes of the threads the runtime starts for scripts (_thread, threading);
  /// 0 keeps the system's default.
  std::size_t thread_stack_size = 0;
  /// Python-level recursion limit (sys.getrecursionlimit) this runtime starts with; scripts change
  /// it with sys.setrecursionlimit, for every thread of this runtime and no other.
  std::int32_t recursion_limit = 1000;
};

class Runtime {
 public:
  static Expected<std::unique_ptr<Runtime>> create(const RuntimeConfig& config = {});
  /// Shuts down (10 s timeout) unless shutdown() already succeeded. Destroying a runtime that
  /// threads are still attached to aborts with a message: call shutdown() first to handle that.
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  /// Attaches the calling OS thread (creating its ThreadState on first use). `caller` names the API
  /// function in error messages.
  Expected<ThreadState*> attach_current_thread(const char* caller = "Runtime::attach_current_thread");
  Status detach_current_thread(const char* caller = "Runtime::detach_current_thread");

  /// The calling thread's state if it is attached to this runtime, else null.
  ThreadState* current_thread() const;
  /// Like current_thread(), but an error that names `caller` and the fix when not attached.
  Expected<ThreadState*> require_attached(const char* caller) const;

  /// Pause every other attached thread. The requester must be attached and stays attached.
  void stop_the_world(ThreadState& requester) STITCH_ACQUIRE(stop_mutex_);
  void start_the_world(ThreadState& requester) STITCH_RELEASE(stop_mutex_);
  bool is_world_stopped() const { return world_stopped_.load(std::memory_order_acquire); }

  /// Refuses new attachments, waits up to `timeout` for other threads to detach, then tears down.
  /// If threads are still attached it returns kTimeout naming them and leaves the runtime usable
  /// for them; the host must detach them and call shutdown again.
  Status shutdown(std::chrono::milliseconds timeout);
  bool is_shutting_down() const { return shutting_down_.load(std::memory_order_acquire); }

  /// Sets the interrupt request on every attached thread (a watchdog stopping runaway scripts).
  void interrupt_all();
  /// Sets the interrupt request on the thread state with this id; false if no such state exists
  /// (its OS thread exited). Looked up under the thread-list lock, so it never touches a freed state.
  bool interrupt_thread(std::uint64_t id);

  std::size_t thread_count() const;
  std::size_t attached_count() const;
  qsbr::Domain& qsbr_domain() { return *qsbr_; }
  rc::Domain& refcount_domain() { return *refcounts_; }
  std::uint64_t serial() const { return serial_; }
  const RuntimeConfig& config() const { return config_; }
  /// The runtime's current recursion limit (RuntimeConfig::recursion_limit, then sys.setrecursionlimit).
  std::int32_t recursion_limit() const { return recursion_limit_.load(std::memory_order_relaxed); }
  void set_recursion_limit(std::int32_t limit) { recursion_limit_.store(limit, std::memory_order_relaxed); }

 private:
  friend class ThreadState;
  friend struct detail::ThreadCache;
  explicit Runtime(const RuntimeConfig& config);

  ThreadState* find_or_create_current_thread_state();
  void forget_thread_state(ThreadState* state);  // owner thread exit or runtime teardown
  bool pause_requested() const { return stop_requested_.load(std::memory_order_seq_cst); }
  void notify_pause_progress() { pause_progress_.fetch_add(1, std::memory_order_release); }

  RuntimeConfig config_;
  const std::uint64_t serial_;
  std::unique_ptr<qsbr::Domain> qsbr_;
  std::unique_ptr<rc::Domain> refcounts_;

  mutable sync::Mutex threads_mutex_;  // leaf lock: always taken with kDontDetach
  ThreadState* threads_ STITCH_GUARDED_BY(threads_mutex_) = nullptr;
  std::uint64_t next_thread_id_ STITCH_GUARDED_BY(threads_mutex_) = 1;

  sync::Mutex stop_mutex_;  // one pause at a time; waiters detach, so a pause in progress can count them
  std::atomic<bool> stop_requested_{false};
  std::atomic<bool> world_stopped_{false};
  std::atomic<std::uint32_t> pause_progress_{0};
  std::atomic<bool> shutting_down_{false};
  std::atomic<std::int32_t> recursion_limit_;
  bool torn_down_ = false;
};

/// RAII: detach the current thread for a blocking region (host work, sleeps, lock waits).
class DetachedScope {
 public:
  explicit DetachedScope(ThreadState& state) : state_(state) { state_.detach(); }
  ~DetachedScope() { state_.attach(); }
  DetachedScope(const DetachedScope&) = delete;
  DetachedScope& operator=(const DetachedScope&) = delete;

 private:
  ThreadState& state_;
};

}  // namespace stitch::rt
