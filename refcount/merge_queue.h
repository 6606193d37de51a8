// Cross-thread merge queues: how a non-owner hands a reference back to an object's owner.
//
// Problem. When a non-owner drops a reference that the shared count cannot absorb (shared count
// 0, state kDefault/kMaybeWeakref), that reference is accounted in the owner's local count, which
// only the owner may write. decref_shared marks the object kQueued (the queue entry now owns the
// reference) and calls queue_for_owner(), which gives it to the owner to merge.
//
// Concepts.
//   Domain        one per runtime: a table of 257 (prime) buckets; each bucket is a small mutex
//                 plus an intrusive list of the ThreadRecords whose thread id hashes to it.
//   ThreadRecord  one per OS thread per Domain, registered *from* that thread (its key is
//                 current_thread_id(), which is only meaningful on the thread itself). Holds the
//                 queue of objects waiting for this owner (guarded by its bucket's mutex) and the
//                 OwnerHooks through which the Domain talks to the thread-state layer.
//
// queue_for_owner(object):
//   1. owner_tid == 0: the owner is merging meanwhile (its local count reached 0 after our
//      CAS); the shared count absorbs our reference, so a plain shared decref does the job.
//   2. Lock the owner's bucket and look the owner up.
//      - Not found (owner exited, or never registered): nobody owns the local count any more.
//        Merge right away with extra = -1, still under the bucket lock (so a new thread that
//        reuses the id cannot register in between), and dealloc after unlocking if dead.
//      - Found and hooks.try_pause_if_detached succeeds (owner blocked in I/O, say): merge this
//        object and everything in the owner's queue on its behalf, resume it, dealloc the dead
//        ones after unlocking (CPython gh-157838: a long-blocked owner otherwise pins memory).
//      - Found and attached: push onto its queue, call hooks.request_merge (it merges at its
//        next safepoint via merge_pending).
//   Destructors (DeallocFn) never run under a bucket lock; hooks do (see OwnerHooks).
//
// merge_pending (owner, at its safepoint): swap the queue with an empty spare buffer under the
// bucket lock, then explicit_merge(object, -1) each object and dealloc the dead ones, unlocked.
//
// Thread exit and id reuse. unregister_current_thread drains the queue (merging) until it is
// empty and unlinks the record in the same critical section as the final emptiness check. Any
// later foreign decref of that thread's objects finds no record and merges directly. The C
// library may give the exited thread's id to a new thread. That new thread then simply becomes
// the owner of the leftover objects, which is safe because (a) the exiting thread's last writes
// to local counts happen-before its unregistration (bucket lock release), and the new thread
// registers under the same bucket lock (same id, same bucket), so it sees them; (b) a direct
// merge of an ownerless object runs entirely under that bucket lock, so it either completes
// before the new thread registers (which then sees owner_tid == 0) or the new thread's record is
// found and the object is queued to it. Precondition: a thread registers before it creates or
// touches objects and unregisters only when it will not touch objects again.
//
// Out of memory. Queue pushes reuse the queue's capacity (no allocation per object in the common
// case). If growing the queue fails, the reference is leaked: the object stays kQueued and is
// never freed (memory-safe; counted in Stats::leaked_out_of_memory). Registration returns null if
// the record cannot be allocated.
//
// Memory orders. All queue state is guarded by the bucket mutexes. Merges on behalf of a paused
// owner write its private fields; the hooks must order that: try_pause_if_detached must be an
// acquire (pairs with the owner's release when it detached) and resume a release (pairs with the
// owner's acquire when it re-attaches). Statistics counters are relaxed: nothing is ordered by them.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "refcount/deferred.h"
#include "refcount/object_header.h"
#include "support/thread_annotations.h"

namespace stitch::rc {

/// How a Domain talks to the thread-state layer above (core/runtime). Every function may be null.
/// They are called with a bucket lock held: they must not block, decref, or call into the Domain.
struct OwnerHooks {
  void* context = nullptr;
  /// The owner must call merge_pending at its next safepoint (sets its eval-breaker bit).
  void (*request_merge)(void* context) = nullptr;
  /// Owner is detached: atomically move it to SUSPENDED (acquire) so we can merge on its behalf.
  /// Returns false if it is attached.
  bool (*try_pause_if_detached)(void* context) = nullptr;
  /// Undo try_pause_if_detached (release).
  void (*resume)(void* context) = nullptr;
};

/// std::mutex with thread-safety annotations; guards one bucket of a Domain.
class STITCH_CAPABILITY("mutex") BucketLock {
 public:
  void lock() STITCH_ACQUIRE() { mutex_.lock(); }
  void unlock() STITCH_RELEASE() { mutex_.unlock(); }
  /// Tells the analysis that this lock is held (the caller holds it under another name).
  void assume_held() const STITCH_TSA(assert_capability(this)) {}

 private:
  std::mutex mutex_;
};

class STITCH_SCOPED_CAPABILITY BucketGuard {
 public:
  explicit BucketGuard(BucketLock& lock) STITCH_ACQUIRE(lock) : lock_(lock) { lock_.lock(); }
  ~BucketGuard() STITCH_RELEASE() { lock_.unlock(); }
  BucketGuard(const BucketGuard&) = delete;
  BucketGuard& operator=(const BucketGuard&) = delete;

 private:
  BucketLock& lock_;
};

class ThreadRecord;
class Domain;

struct Bucket {
  BucketLock lock;
  ThreadRecord* first_record STITCH_GUARDED_BY(lock) = nullptr;
};

/// One OS thread's membership in a Domain. Created by Domain::register_current_thread.
class ThreadRecord {
 public:
  ThreadRecord(Domain* domain, std::uintptr_t thread_id, OwnerHooks hooks, Bucket* bucket)
      : domain_(domain), thread_id_(thread_id), hooks_(hooks), bucket_(bucket) {}
  ThreadRecord(const ThreadRecord&) = delete;
  ThreadRecord& operator=(const ThreadRecord&) = delete;

  Domain* domain() const { return domain_; }
  std::uintptr_t thread_id() const { return thread_id_; }
  /// This thread's counts for the Domain's deferred objects (deferred.h).
  DeferredCounts& deferred_counts() { return deferred_counts_; }
  const DeferredCounts& deferred_counts() const { return deferred_counts_; }

 private:
  friend class Domain;

  Domain* const domain_;
  const std::uintptr_t thread_id_;
  const OwnerHooks hooks_;
  Bucket* const bucket_;
  ThreadRecord* next_in_bucket_ STITCH_GUARDED_BY(bucket_->lock) = nullptr;
  /// Objects queued by non-owners; each entry owns one reference.
  std::vector<ObjectHeader*> queued_ STITCH_GUARDED_BY(bucket_->lock);
  /// Owner only: an empty buffer swapped with queued_ so that merges keep the queue's capacity.
  std::vector<ObjectHeader*> spare_buffer_;
  /// Written by the owner; folded by the owner when it unregisters or by release_deferred while
  /// the owner is detached.
  DeferredCounts deferred_counts_;
};

class Domain {
 public:
  static constexpr std::size_t kBucketCount = 257;  // prime: thread ids are aligned addresses

  /// Counters, for tests and runtime statistics (relaxed snapshots).
  struct Stats {
    std::uint64_t queued = 0;               // pushed onto an attached owner's queue
    std::uint64_t merged_by_owner = 0;      // merged by merge_pending / unregister drain
    std::uint64_t merged_on_behalf = 0;     // merged for a detached (paused) owner
    std::uint64_t merged_owner_gone = 0;    // merged directly: no record for owner_tid
    std::uint64_t leaked_out_of_memory = 0; // queue growth failed; reference leaked
    std::uint64_t deferred_live = 0;        // deferred objects not yet released
    std::uint64_t deferred_released = 0;    // turned back into ordinary objects by release_deferred
    std::uint64_t deferred_freed = 0;       // of those, freed at once (count 0)
    std::uint64_t deferred_miscounted = 0;  // count below 0 at release: a refcount bug; leaked
  };

  /// `dealloc` frees objects whose merged count reaches 0 in merge_pending and the sweeps.
  explicit Domain(DeallocFn dealloc);
  /// Precondition: no thread uses the Domain any more. Merges and frees what is still queued.
  ~Domain();
  Domain(const Domain&) = delete;
  Domain& operator=(const Domain&) = delete;

  /// Registers the calling thread and binds the record as its current one. Returns null if this
  /// thread already has a record here (or a dead thread with the same id never unregistered),
  /// or if out of memory.
  ThreadRecord* register_current_thread(OwnerHooks hooks);
  /// From the record's own thread: drains its queue (merging), unlinks and frees the record,
  /// and unbinds it if it is the current one. Later foreign decrefs of its objects merge directly.
  void unregister_current_thread(ThreadRecord* self);
  /// Owner at its safepoint: merges everything queued for it; returns how many were merged.
  std::size_t merge_pending(ThreadRecord* self);
  /// Sweep: for every owner with a non-empty queue whose try_pause_if_detached succeeds, merge
  /// its queue on its behalf, resume it, and free the dead objects after unlocking.
  void merge_on_behalf_of_detached_owners();

  /// Used by decref_shared (through queue_for_owner): `object` is kQueued and the caller's
  /// reference now belongs to the queue.
  void queue_object(ObjectHeader* object, std::uintptr_t owner_tid, DeallocFn dealloc);

  /// Deferred objects (deferred.h): the uid table, and the sweep. release_deferred folds every
  /// registered thread's counts, turns every deferred object back into an ordinary object with its
  /// exact count, and frees those at zero (and, by counting, what only they held). Returns how
  /// many deferred objects it freed directly. Precondition: the caller is registered and bound
  /// here, and no other registered thread is attached (none can count concurrently).
  DeferredTable& deferred_table() { return deferred_table_; }
  std::size_t release_deferred();

  DeallocFn dealloc() const { return dealloc_; }
  Stats stats() const;

 private:
  Bucket& bucket_for(std::uintptr_t thread_id) { return buckets_[thread_id % kBucketCount]; }
  static ThreadRecord* find_record(Bucket& bucket, std::uintptr_t thread_id)
      STITCH_REQUIRES(bucket.lock);
  /// Merges every object of `objects` with extra = -1, moving the dead ones to the front;
  /// returns how many are dead. Caller guarantees the owner cannot run (paused or gone).
  static std::size_t merge_all_keep_dead(std::vector<ObjectHeader*>& objects);
  /// Frees objects[0 .. dead_count). Never called with a bucket lock held.
  void dealloc_prefix(const std::vector<ObjectHeader*>& objects, std::size_t dead_count);

  const DeallocFn dealloc_;
  std::array<Bucket, kBucketCount> buckets_;
  std::atomic<std::uint64_t> queued_{0};
  std::atomic<std::uint64_t> merged_by_owner_{0};
  std::atomic<std::uint64_t> merged_on_behalf_{0};
  std::atomic<std::uint64_t> merged_owner_gone_{0};
  std::atomic<std::uint64_t> leaked_out_of_memory_{0};
  std::atomic<std::uint64_t> deferred_released_{0};
  std::atomic<std::uint64_t> deferred_freed_{0};
  std::atomic<std::uint64_t> deferred_miscounted_{0};
  DeferredTable deferred_table_;
};

/// This thread's bound record, or null.
ThreadRecord* current_record();
namespace detail {
extern constinit thread_local ThreadRecord* t_current_record;  // current_record()'s storage
}  // namespace detail
/// The runtime re-binds on attach (records are per OS thread and per Domain).
void bind_current_record(ThreadRecord* record);

/// Called by decref_shared after it set kQueued: routes the object to its owner through the
/// calling thread's Domain. Aborts if the calling thread has no bound record (contract breach).
void queue_for_owner(ObjectHeader* object, DeallocFn dealloc);
/// Dealloc function of the calling thread's Domain (for try_incref_compare's undo). Aborts if
/// the calling thread has no bound record.
DeallocFn current_domain_dealloc();

}  // namespace stitch::rc
