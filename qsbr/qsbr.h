// QSBR: quiescent-state-based reclamation for memory that threads read without locks.
//
// Problem. A writer unlinks a block (a dict key table, a list item array, a JIT executor)
// while other threads may still be reading it through a pointer they loaded a moment ago.
// The block may be freed only once every such reader has let go of it.
//
// Concepts (used with these names everywhere in this directory):
//  - Domain: one per runtime. Owns the write sequence, the registry of thread records, and
//    the orphaned retirements of threads that unregistered. No process-global state.
//  - ThreadRecord: one per attached thread. Holds the thread's read sequence (padded to its
//    own cache line) and its retire queue.
//  - Quiescent state: a point where the thread holds no pointer into reclaimable memory
//    (the interpreter's safepoint). quiescent() publishes "I passed one now".
//  - Online / offline: an offline (detached) thread holds no such pointers at all and never
//    blocks reclamation.
//  - Goal: the sequence every online thread must reach before a retired block may be freed.
//  - Grace period: the wait from a retirement until its goal is reached by everyone.
//
// Protocol.
//  1. A writer unlinks block X, then retires it: goal = the *new* write sequence produced by
//     advance() (fetch_add returns the old value, so advance() adds the increment back:
//     freeing at the old value is the PR 135473 off-by-one), or, most of the time, the
//     deferred goal write_sequence + 2 (see "Deferred advance" below).
//  2. Readers call quiescent() at safepoints: read_sequence = write_sequence.
//  3. poll(goal) is true once every online record's read sequence has reached goal; the
//     owner of the retire queue then runs X's callback.
//
// Invariant. When a callback runs for a block with goal G, every thread that was online at
// any time since the block was unlinked has either stored a read sequence >= G or gone
// offline since, and in both cases everything it read before that store happens-before the
// callback; and a thread that loaded a write sequence >= G (quiescent or online) cannot find
// the block any more, because the unlink is visible to it.
//
// Memory orderings (each one below is also commented where it is used):
//  - advance(): seq_cst fetch_add. Its release half publishes the writer's unlink to every
//    thread that later acquires a write sequence >= the returned goal.
//  - quiescent(): acquire load of the write sequence (pairs with advance()), release store
//    of the read sequence (pairs with the acquire loads of the poll scan, so the reader's
//    earlier accesses to X happen-before X's callback).
//  - offline(): release store of kOffline, for the same reason.
//  - online(): acquire load of the write sequence, seq_cst store of the read sequence and a
//    seq_cst fence. Together with the seq_cst fence in the poll scan this is a Dekker
//    (store-buffering) handshake: either the scan sees the thread online, or the thread's
//    later loads see every unlink the scanner knew about. The fence after the store is what
//    makes this hold for the caller's acquire/relaxed loads in the C++ model (liburcu's
//    rcu_thread_online does the same: store, then smp_mb).
//  - poll(): acquire load of the cached minimum read sequence (pairs with the release CAS
//    that the scan uses to move it forward).
//
// Deferred advance. Advancing the write sequence on every retirement would make every
// retiring thread bounce one cache line. Like CPython, a retirement advances only every
// kRetirementsPerAdvance calls (or when the thread's limits are exceeded) and otherwise uses
// goal = C + 2, where C is the current write sequence, loaded after a seq_cst fence.
// Why that is safe: the write sequence moves in steps of 2, so C + 2 is exactly the value the
// next advance after our load produces, whoever makes it. A reader stores a read sequence
// >= C + 2 only after its acquire load returned that advance's value (or a later one); that
// advance comes after our load of C in the write sequence's modification order, and the
// fence made our unlink visible to all threads before our load of C took its value. So the
// reader's loads after its quiescent state see the unlink and cannot find X: the same
// guarantee as if we had advanced ourselves. Without the fence, the load of C could take its
// value while the unlink still sits in the store buffer (store->load reordering, which even
// x86 does), and any number of advances could complete in that window.
// Honest caveat: "visible to all threads before" is multi-copy atomicity. x86-64 and AArch64
// provide it; the C++ abstract machine only promises it when the readers' loads are seq_cst.
// CPython's deferred advance relies on the same hardware property. The non-deferred path
// (advance() after the unlink) needs only the C++ release/acquire rules.
// A deferred goal may be one step ahead of the write sequence; poll() then stays false
// (never early) until somebody advances, and process() advances when its oldest item waits
// for such a not-yet-issued goal, so a quiet domain still makes progress.
//
// Bounded retire lists (gh-132519: batching by count only let a resize loop keep 6.7 GB
// of dead arrays). Every record tracks pending items AND pending bytes. When a retirement
// takes either over the domain's RetireLimits, retire() advances and processes at once;
// should_process() tells the runtime's safepoint to call process().
//
// Registry. Records are allocated one by one and never move or die before the domain, so a
// ThreadRecord* stays valid. They are pushed (under the registry mutex) onto a singly linked
// list whose head is published with a release store; a record's link is written before it
// is published and never changes. The poll scan walks this list with acquire loads and no
// lock: it runs on every thread's processing path, and a mutex there would serialize them.
// Unregistered records stay on the list, offline (so the scan skips them), and wait on a free
// list for reuse; only the free list and the record storage need the mutex.
//
// Callbacks run on the thread that calls process()/process_orphans()/~Domain, never while a
// domain mutex is held. A callback may retire more memory (it is queued; process() does not
// recurse), but must not register or unregister records.
#pragma once

#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "qsbr/annotated_mutex.h"
#include "qsbr/retire_queue.h"
#include "qsbr/sequence.h"
#include "support/thread_annotations.h"

namespace stitch::qsbr {

/// Per-thread bounds on memory waiting for its grace period. Exceeding either one makes
/// retire() advance and process immediately.
struct RetireLimits {
  std::size_t max_items = 128;
  std::size_t max_bytes = 1 << 20;
};

/// Size of the cache line that separates thread records (no false sharing between threads).
inline constexpr std::size_t kCacheLineBytes = 64;

/// A retirement advances the write sequence itself once per this many calls (CPython: 10).
inline constexpr unsigned kRetirementsPerAdvance = 10;

class ThreadRecord;

class Domain {
 public:
  /// `initial_write_sequence` exists for tests that start near UINT64_MAX to cross the wrap;
  /// it is forced odd.
  explicit Domain(RetireLimits limits = {}, Sequence initial_write_sequence = kInitialSequence);
  /// Precondition: every record is unregistered and no thread uses the domain any more.
  /// Runs the callback of everything still pending (no thread is online, so every grace
  /// period is over).
  ~Domain();
  Domain(const Domain&) = delete;
  Domain& operator=(const Domain&) = delete;

  /// A record for the calling thread, OFFLINE and with an empty queue. Records of
  /// unregistered threads are reused. Returns nullptr only if memory is exhausted.
  [[nodiscard]] ThreadRecord* register_thread();

  /// Takes `record` offline and moves its pending retirements to the orphan list, which
  /// process() of any thread (or process_orphans(), or ~Domain) frees later. Called by the
  /// record's thread, or by anyone once that thread stopped using it; not from a callback.
  void unregister_thread(ThreadRecord* record);

  /// Makes a new write sequence and returns it: the goal for memory unlinked before the call.
  Sequence advance();

  [[nodiscard]] Sequence write_sequence() const;

  /// True once every online record has reached `goal`. Cheap when the cached minimum read
  /// sequence already covers `goal`; otherwise scans all records and moves the cache.
  [[nodiscard]] bool poll(Sequence goal);

  /// Blocks until a full grace period has passed. `self` (may be null) is the caller's own
  /// record: it is taken offline during the wait and then put back in its previous state.
  /// Any other online record must belong to a thread that keeps reporting quiescent states.
  void synchronize(ThreadRecord* self);

  /// Frees the orphaned retirements whose goal has passed; returns how many. Never blocks
  /// (if another thread is handling orphans right now, returns 0).
  std::size_t process_orphans();

  /// Retirements not yet freed, across all records and orphans. Approximate while other
  /// threads retire or process; exact when they are quiet.
  [[nodiscard]] std::size_t pending_items() const;
  [[nodiscard]] std::size_t pending_bytes() const;

  [[nodiscard]] const RetireLimits& limits() const { return limits_; }

 private:
  friend class ThreadRecord;

  /// The goal of a retirement that does not advance: write sequence + 2 (see file comment).
  Sequence deferred_goal() const;
  /// Minimum read sequence over online records (or the write sequence if none is lower);
  /// moves the cached minimum forward.
  Sequence scan_min_read_sequence();
  /// The cached minimum (acquire): every goal up to it has been reached.
  Sequence cached_min_read_sequence() const;
  /// Pops and runs the callbacks of `queue`'s oldest items whose goal has been reached,
  /// scanning the records at most once; `on_popped(item, context)` runs before each callback.
  using PoppedHook = void (*)(const RetiredItem& item, void* context);
  std::size_t free_reached_prefix(RetireQueue& queue, PoppedHook on_popped, void* context);
  /// Advances if `goal` has not been issued yet, so that a poll for it can ever succeed.
  void issue_goal(Sequence goal);

  // Hot shared words, each on its own cache line.
  alignas(kCacheLineBytes) std::atomic<Sequence> write_sequence_;
  alignas(kCacheLineBytes) std::atomic<Sequence> min_read_sequence_cache_;
  alignas(kCacheLineBytes) std::atomic<ThreadRecord*> registry_head_{nullptr};

  alignas(kCacheLineBytes) const RetireLimits limits_;

  AnnotatedMutex registry_mutex_;
  std::vector<std::unique_ptr<ThreadRecord>> records_ STITCH_GUARDED_BY(registry_mutex_);
  std::vector<ThreadRecord*> free_records_ STITCH_GUARDED_BY(registry_mutex_);

  AnnotatedMutex orphan_mutex_;
  RetireQueue orphans_ STITCH_GUARDED_BY(orphan_mutex_);
  std::atomic<bool> has_orphans_{false};  // hint only; the queue itself is under the mutex
  std::atomic<std::size_t> orphan_items_{0};
  std::atomic<std::size_t> orphan_bytes_{0};
};

class alignas(kCacheLineBytes) ThreadRecord {
 public:
  ThreadRecord(const ThreadRecord&) = delete;
  ThreadRecord& operator=(const ThreadRecord&) = delete;

  /// Attach: read sequence = current write sequence. From here on the thread blocks
  /// reclamation until its next quiescent state.
  void online();
  /// Detach: read sequence = kOffline. The thread must hold no pointer into reclaimable memory.
  void offline();
  [[nodiscard]] bool is_online() const;
  /// Report a quiescent state: a load and a store. Precondition: online.
  void quiescent();

  /// Queues `ptr` to be passed to `callback(ptr, context)` after a grace period. `bytes` is
  /// what the block costs (counted against RetireLimits::max_bytes). The block must already
  /// be unreachable for new readers. Called only by the record's thread.
  void retire(void* ptr, std::size_t bytes, RetireCallback callback, void* context = nullptr);

  /// Runs the callbacks of this record's retirements whose goal has passed (oldest first),
  /// plus any ready orphans; returns how many callbacks ran. Called only by the record's
  /// thread. A call made from inside one of those callbacks returns 0.
  std::size_t process();

  /// Pending items or bytes exceed the limits: the runtime's safepoint should call process().
  [[nodiscard]] bool should_process() const;

  /// This record's pending retirements; exact for the owner, a snapshot for other threads.
  [[nodiscard]] std::size_t pending_items() const;
  [[nodiscard]] std::size_t pending_bytes() const;

  /// The published read sequence (kOffline while offline). For diagnostics and tests.
  [[nodiscard]] Sequence read_sequence() const;

 private:
  friend class Domain;
  explicit ThreadRecord(Domain& domain);
  /// Mirrors the queue's counts into the atomics other threads read.
  void publish_pending_counts();

  // --- First cache line: what the poll scan of other threads reads. ---
  std::atomic<Sequence> read_sequence_{kOffline};
  Domain* const domain_;
  ThreadRecord* registry_next_ = nullptr;  // set before the record is published, then immutable

  // --- Owner-private state, on the following cache line(s). ---
  alignas(kCacheLineBytes) RetireQueue queue_;
  unsigned retirements_since_advance_ = 0;
  bool is_processing_ = false;
  // Written only by the owner (plain load + relaxed store, no RMW), read by anyone.
  std::atomic<std::size_t> published_pending_items_{0};
  std::atomic<std::size_t> published_pending_bytes_{0};
};

static_assert(alignof(ThreadRecord) == kCacheLineBytes);
static_assert(sizeof(ThreadRecord) % kCacheLineBytes == 0);

// ---- Inline fast paths: these run at every safepoint and attach/detach. ----

inline void ThreadRecord::quiescent() {
  assert(is_online() && "quiescent() on an offline record");
  // Acquire: pairs with the release half of advance(); every unlink retired with a goal up
  // to this value is visible to the loads this thread makes from now on.
  const Sequence current = domain_->write_sequence_.load(std::memory_order_acquire);
  // Release: pairs with the acquire load in Domain::scan_min_read_sequence(); everything
  // this thread read before now happens-before the callbacks that scan allows.
  read_sequence_.store(current, std::memory_order_release);
}

inline void ThreadRecord::offline() {
  // Release: pairs with the acquire load in the poll scan, as in quiescent().
  read_sequence_.store(kOffline, std::memory_order_release);
}

inline bool ThreadRecord::is_online() const {
  // Relaxed: only the owner changes its own state, so the owner always reads its latest
  // value; other threads get a snapshot.
  return read_sequence_.load(std::memory_order_relaxed) != kOffline;
}

inline Sequence ThreadRecord::read_sequence() const {
  return read_sequence_.load(std::memory_order_relaxed);
}

}  // namespace stitch::qsbr
