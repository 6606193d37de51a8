// Deferred reference counting: per-thread counts for the objects every thread references.
//
// Problem. Top-level functions, classes, modules, module namespaces and builtins are increfed
// and decrefed by every thread all the time (each call, each global read, each instance's
// reference to its class). With one shared counter per object, two threads calling the same
// function bounce its cache line on every call and scaling collapses. Immortality would fix the
// contention but leak them.
//
// Algorithm (CPython 3.14 counts heap types and code objects per thread; Stitch does it for
// every deferred object and every reference to it, which also covers what CPython's tagged stack
// references cover).
//   - set_deferred, while the object is private to its creator, gives it a uid in its Domain's
//     DeferredTable and stores kDeferredLocalBase + uid in local_count; owner_tid becomes 0 and
//     `shared` holds the count so far in state kMerged.
//   - incref/decref see local_count >= kDeferredLocalBase and add +1/-1 to the calling thread's
//     DeferredCounts[uid] (in its ThreadRecord): a relaxed load and store in an array only that
//     thread writes. No atomic RMW, no cache line shared with another thread.
//   - The true count is the shared count plus the sum of every thread's DeferredCounts[uid]; it
//     is only knowable when the threads cannot run. So counting never frees a deferred object:
//     a thread folds its counts into the shared counts when it unregisters, and
//     Domain::release_deferred (runtime shutdown, later the cycle collector's stop-the-world
//     pause) folds everybody's, turns every deferred object back into an ordinary merged object
//     with its exact count, and frees those at zero.
//   - Counts stay exact all the time (a future collector needs them); only their location moves.
//
// Cost. A deferred incref is an out-of-line call, a thread-local load and an array increment:
// a few instructions more than the owner's biased increment, and far less than a contended RMW.
//
// Limits. Uids are never reused before release_deferred; a Domain hands out at most kMaxUids
// (then set_deferred declines and the object is counted the ordinary way). Objects must not be
// referenced from threads bound to another Domain (the count would land in the wrong table).
//
// Orders. set_deferred writes a private object (published later with a release store). The
// per-thread counts are written only by their thread (relaxed load + store, like local_count).
// Folding is a relaxed fetch_add on `shared`: the sweep that reads `shared` afterwards is ordered
// after every fold by the bucket locks (unregister folds under the record's bucket lock; the sweep
// takes each bucket lock before reading), and after the other threads' own counting by its
// precondition (they are detached: their release when detaching pairs with the caller's acquire).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>

#include "refcount/object_header.h"

namespace stitch::rc {

/// Number of uids a Domain can hand out (local_count values kDeferredLocalBase .. kImmortalLocal-1).
inline constexpr std::uint32_t kMaxDeferredUids = kImmortalLocal - kDeferredLocalBase;

inline bool is_deferred(const ObjectHeader* object) {
  const std::uint32_t local = object->local_count.load(std::memory_order_relaxed);
  return local >= kDeferredLocalBase && local != kImmortalLocal;
}

/// Makes the object deferred in the calling thread's Domain. Call while the object is private to
/// its creator (owned by this thread, no foreign reference yet). Returns false, leaving the object
/// ordinary, if it is not such an object, if the thread has no bound ThreadRecord, or if the
/// Domain's uid space or memory is exhausted. Immortal and deferred objects: returns true.
bool set_deferred(ObjectHeader* object);

/// Out-of-line halves of incref/decref for deferred objects (refcount.h calls them).
void incref_deferred(ObjectHeader* object);
void decref_deferred(ObjectHeader* object);

/// uid -> object, for one Domain. Chunked so that lookups need no lock and growth never moves
/// an entry.
class DeferredTable {
 public:
  static constexpr std::uint32_t kNoUid = UINT32_MAX;

  DeferredTable();
  ~DeferredTable();
  DeferredTable(const DeferredTable&) = delete;
  DeferredTable& operator=(const DeferredTable&) = delete;

  /// Registers the object; its uid, or kNoUid when full or out of memory.
  std::uint32_t add(ObjectHeader* object);
  /// The object with this uid, or null (never handed out, or released).
  ObjectHeader* at(std::uint32_t uid) const;
  /// One past the highest uid handed out.
  std::uint32_t end() const { return next_.load(std::memory_order_acquire); }
  /// Forgets the object (the sweep released it).
  void clear(std::uint32_t uid);
  /// Objects currently registered (a snapshot).
  std::size_t live() const { return live_.load(std::memory_order_relaxed); }

 private:
  static constexpr std::uint32_t kChunkSize = 4096;
  static constexpr std::uint32_t kChunkCount = (kMaxDeferredUids + kChunkSize - 1) / kChunkSize;

  std::mutex grow_mutex_;  // serializes add() (uid order = table order), never held while freeing
  std::unique_ptr<std::atomic<std::atomic<ObjectHeader*>*>[]> chunks_;
  std::atomic<std::uint32_t> next_{0};
  std::atomic<std::size_t> live_{0};
};

/// One thread's counts for the deferred objects of one Domain, indexed by uid. Only the owning
/// thread writes them, except fold_into, which runs on the owner or while the owner is detached.
class DeferredCounts {
 public:
  DeferredCounts() = default;
  DeferredCounts(const DeferredCounts&) = delete;
  DeferredCounts& operator=(const DeferredCounts&) = delete;

  /// The hot path: adds `delta` if the array already covers `uid`.
  bool try_add(std::uint32_t uid, std::intptr_t delta) {
    if (uid >= size_) return false;
    std::atomic<std::intptr_t>& count = counts_[uid];
    count.store(count.load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
    return true;
  }
  /// Adds `delta` to the object's count here, growing the array; if it cannot grow (out of
  /// memory), adds it to the object's shared count instead, which is just as exact.
  void add(ObjectHeader* object, std::uint32_t uid, std::intptr_t delta);
  /// This thread's count for `uid` (0 if never touched).
  std::intptr_t get(std::uint32_t uid) const;
  /// Makes the calling thread's inline fast path (refcount.h) use this array (null: none).
  static void bind_to_current_thread(DeferredCounts* counts);
  /// Moves every non-zero count into its object's shared count and zeroes it.
  void fold_into(const DeferredTable& table);

 private:
  bool grow(std::uint32_t uid);

  std::unique_ptr<std::atomic<std::intptr_t>[]> counts_;
  std::uint32_t size_ = 0;
};

}  // namespace stitch::rc
