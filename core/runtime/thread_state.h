// ThreadState: one per (OS thread, runtime) pair, created on first attach and reused afterwards.
//
// Status machine (every transition out of DETACHED is a CAS, so that the owner attaching and another
// thread pausing it can race safely):
//
//   DETACHED ──owner attaches──────────────► ATTACHED ──owner detaches──► DETACHED
//   DETACHED ──stop-the-world requester────► SUSPENDED ──world restarts──► DETACHED
//   ATTACHED ──owner at a safepoint sees PLEASE_STOP──► SUSPENDED (then waits inside attach())
//   DETACHED ──another thread merges refcounts on its behalf──► PAUSED_FOR_MERGE ──► DETACHED
//
// A thread that wants to attach while SUSPENDED or PAUSED_FOR_MERGE parks on the status byte until it
// is DETACHED again. Attached means QSBR-online; detached means offline, so a detached thread never
// holds up reclamation. Detaching suspends the thread's critical sections (core/sync), which is what
// makes blocking while "holding" per-object locks deadlock-free.
//
// The eval breaker is a word of request bits that other threads set with an atomic OR and the owner
// polls with a relaxed load at every safepoint (loop back-edges and calls).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "core/runtime/allocator.h"
#include "core/runtime/status.h"
#include "core/sync/parking_lot.h"
#include "core/sync/mutex.h"
#include "qsbr/qsbr.h"
#include "refcount/merge_queue.h"


namespace stitch::rt {

class Runtime;
namespace detail {
struct ThreadCache;
}

enum class ThreadStatus : std::uint8_t { kDetached, kAttached, kSuspended, kPausedForMerge };
const char* thread_status_name(ThreadStatus status);

namespace eval_breaker {
inline constexpr std::uint32_t kPleaseStop = 1u << 0;      // a stop-the-world is waiting for this thread
inline constexpr std::uint32_t kMergeRefcounts = 1u << 1;  // other threads queued objects for us to merge
inline constexpr std::uint32_t kProcessRetired = 1u << 2;  // our QSBR retire list is over its limits
inline constexpr std::uint32_t kInterrupt = 1u << 3;       // host/watchdog interrupt (KeyboardInterrupt)
}  // namespace eval_breaker

class ThreadState {
 public:
  ThreadState(const ThreadState&) = delete;
  ThreadState& operator=(const ThreadState&) = delete;

  Runtime& runtime() const { return *runtime_; }
  std::uint64_t id() const { return id_; }
  ThreadStatus status() const { return static_cast<ThreadStatus>(status_.load(std::memory_order_acquire)); }
  bool is_attached() const { return status() == ThreadStatus::kAttached; }
  /// The runtime's JIT choice (RuntimeConfig::jit_enabled / jit_threshold), copied here at creation
  /// so that the interpreter's function entry and back-edges read it from the thread state they
  /// already hold instead of chasing the runtime pointer.
  bool jit_enabled() const { return jit_enabled_; }
  std::int32_t jit_threshold() const { return jit_threshold_; }

  /// The safepoint poll: report a quiescent state, then handle pending requests. Call it only where
  /// the thread holds no pointer it read lock-free (interpreter loop back-edges and calls).
  Status safepoint() {
    if (native_code_depth_ == 0) qsbr_->quiescent();
    if (eval_breaker_.load(std::memory_order_relaxed) != 0) return handle_eval_breaker();
    return Status::ok();
  }
  Status handle_eval_breaker();
  std::uint32_t pending_requests() const { return eval_breaker_.load(std::memory_order_relaxed); }

  /// Owner only: brackets running JIT code. While the depth is non-zero the thread reports no
  /// quiescent state and stays QSBR-online when it detaches, so code it is (maybe indirectly)
  /// executing cannot be reclaimed (ARCHITECTURE.md invariant 2).
  void enter_native_code() { ++native_code_depth_; }
  void leave_native_code() { --native_code_depth_; }
  /// Owner only: back-edges and calls JIT code may take before it leaves to the interpreter's
  /// safepoint.
  std::uint32_t jit_backedge_budget = 0;
  /// Owner only: the frame JIT code stopped in (core/interp/jit_interface.h).
  void* jit_frame = nullptr;

  /// Any thread may set a request bit; the owner sees it at its next safepoint.
  void request(std::uint32_t bits) { eval_breaker_.fetch_or(bits, std::memory_order_relaxed); }
  void interrupt() { request(eval_breaker::kInterrupt); }
  /// Drops a pending interrupt (owner only): the embedding API does so when an outermost host call
  /// starts, so an interrupt aimed at an earlier call does not stop the next one.
  void clear_interrupt() { eval_breaker_.fetch_and(~eval_breaker::kInterrupt, std::memory_order_relaxed); }

  /// Owner only. detach() before blocking, attach() after; attach() waits out a stop-the-world.
  void detach();
  void attach();

  /// Allocation from this OS thread's heaps (owner only; the heaps are the OS thread's, shared by
  /// its states in every runtime, see detail::ThreadCache). Objects and raw arrays use separate
  /// heaps so that an object header never shares a page with non-object data. Any thread may
  /// deallocate.
  void* allocate_object(std::size_t bytes) { return heap_allocate(object_heap_, bytes); }
  void* allocate_raw(std::size_t bytes) { return heap_allocate(raw_heap_, bytes); }
  static void deallocate(void* block) { heap_free(block); }

  /// Retire memory that lock-free readers may still see; it is freed after a grace period.
  void retire(void* block, std::size_t bytes, qsbr::RetireCallback callback, void* context = nullptr);

  qsbr::ThreadRecord& qsbr_record() { return *qsbr_; }
  rc::ThreadRecord* refcount_record() { return refcount_record_; }

 private:
  friend class Runtime;
  friend struct detail::ThreadCache;
  ThreadState(Runtime* runtime, std::uint64_t id);
  ~ThreadState();

  void register_on_owner_thread();    // records and heaps, created on the OS thread that owns them
  void unregister_on_owner_thread();  // the reverse, also on the owning thread
  void release_heaps_on_owner_thread();  // forgets the OS thread's heaps (it deletes them at exit)
  void suspend_for_pause();           // ATTACHED -> SUSPENDED at a safepoint, then wait and re-attach
  void wait_while_paused();
  void go_qsbr_offline();
  void go_qsbr_online();
  void install_thread_hooks();
  void clear_thread_hooks();

  static void before_block(void* self);
  static void after_block(void* self);
  static void request_merge_hook(void* self);
  static bool try_pause_if_detached_hook(void* self);
  static void resume_hook(void* self);

  Runtime* runtime_;
  const std::uint64_t id_;
  std::atomic<std::uint8_t> status_{static_cast<std::uint8_t>(ThreadStatus::kDetached)};
  std::atomic<std::uint32_t> eval_breaker_{0};
  const bool jit_enabled_;
  const std::int32_t jit_threshold_;
  bool detached_by_blocking_ = false;
  int native_code_depth_ = 0;    // owner only (enter_native_code)
  bool stayed_online_ = false;   // owner only: the last go_qsbr_offline kept the record online  // owner only: before_block detached us, after_block re-attaches
  qsbr::ThreadRecord* qsbr_ = nullptr;
  rc::ThreadRecord* refcount_record_ = nullptr;
  Heap* object_heap_ = nullptr;
  Heap* raw_heap_ = nullptr;
  sync::BlockingHooks blocking_hooks_{};
  ThreadState* next_ = nullptr;  // runtime's thread list, guarded by Runtime::threads_mutex_
};

}  // namespace stitch::rt
