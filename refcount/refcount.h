// Biased reference counting (BRC): incref, decref and the merges behind them.
//
// Problem. Most objects are only ever touched by the thread that created them, yet an atomic
// RMW on every incref/decref costs several times a plain add, and far more when threads contend.
//
// Algorithm. Each object is *biased* to an owner thread (object_header.h). The owner counts in
// `local_count` with a relaxed load and a relaxed store (the atomics only keep the C++ model and
// TSan happy: on x86-64 and aarch64 they compile to plain moves). Every other thread counts in
// `shared` with atomic RMWs. The two counts meet in a *merge*:
//   - merge_zero_local: the owner's local count reached 0. If `shared` is exactly 0 (state
//     kDefault, count 0), nobody else holds a reference: dealloc at once, no atomic RMW at all.
//     Otherwise give the object up: owner_tid = 0, then CAS the state to kMerged; from then on
//     only `shared` counts, and whoever brings it to "count 0, kMerged" frees the object.
//   - decref_shared (non-owner): CAS loop on `shared`. If the shared count is 0 and the object is
//     not queued/merged (kDefault or kMaybeWeakref), the reference being dropped is accounted in
//     the owner's local count, which only the owner may touch: set kQueued *without* subtracting
//     (the queue entry now owns that reference) and hand the object to the owner's merge queue
//     (merge_queue.h). Otherwise subtract one, possibly going negative; if the result is
//     "count 0, kMerged", this thread frees the object.
//   - explicit_merge(extra): fold local_count + extra into `shared` and mark it kMerged. Run by
//     the owner for queued objects (extra = -1: the queue's reference), or on its behalf when it
//     is gone or paused.
//
// Merge ordering rule (CPython gh-119999, gh-121794). Once kMerged is visible, another thread may
// bring the count to zero and free the object. So every merge writes the private fields
// (owner_tid = 0, local_count = 0) *before* the CAS that publishes kMerged, and never touches the
// object after a CAS unless it is the thread that frees it. The CAS is release so that the
// freeing thread (acquire) sees those writes as done.
//
// Memory orders:
//   - owner path: relaxed load/store of local_count (single writer; nothing to order).
//   - non-owner incref: relaxed fetch_add (the caller already holds a reference, so no one can
//     free concurrently; the same argument as std::shared_ptr's increment).
//   - every decrement / merge CAS on `shared`: acq_rel. Release publishes this thread's writes to
//     the object before its reference is gone; acquire makes the thread that frees see all of
//     them. (A release CAS + acquire fence would do, but TSan does not model fences.)
//   - merge_zero_local loads `shared` with acquire: pairs with the release CAS of the non-owner
//     decrefs that brought the shared count back to 0, so their writes happen-before the free.
//
// Immortal objects: local_count == kImmortalLocal; incref/decref are no-ops, and the one relaxed
// load of local_count doubles as the immortality check. Deferred objects (deferred.h) have
// local_count in [kDeferredLocalBase, kImmortalLocal): the same compare sends them to the
// per-thread counts. An owner count that would reach kDeferredLocalBase by increment stores
// kImmortalLocal instead: the object becomes immortal (as in CPython on overflow).
//
// Precondition for the slow paths: a thread that drops a reference to an object it does not
// own may have to queue it, which needs the thread's bound ThreadRecord (merge_queue.h). Every
// thread that touches objects must therefore be registered with the runtime's Domain.
#pragma once

#include <atomic>
#include <cstdint>

#include "refcount/object_header.h"
#include "refcount/thread_id.h"

namespace stitch::rc {

/// Initializes a fresh (constructed) header: owner = current thread, local = 1, shared = 0,
/// all flags and bits clear. The object is thread-private until the caller publishes it.
void init_owned(ObjectHeader* object, const void* type);

/// Makes the object immortal: local = kImmortalLocal, owner_tid = 0, shared = 0. Call it while
/// the object is private to the calling thread, or for static objects before publication.
void make_immortal(ObjectHeader* object);

inline bool is_immortal(const ObjectHeader* object) {
  return object->local_count.load(std::memory_order_relaxed) == kImmortalLocal;
}

inline bool is_owned_by_current_thread(const ObjectHeader* object) {
  return object->owner_tid.load(std::memory_order_relaxed) == current_thread_id();
}

/// Slow path of decref for the owner: local_count has just reached 0.
void merge_zero_local(ObjectHeader* object, DeallocFn dealloc);
/// Slow path of decref for a non-owner: decrement `shared`, or queue the object for its owner.
void decref_shared(ObjectHeader* object, DeallocFn dealloc);
/// Folds local_count + extra into `shared`, marks it kMerged and returns the merged count.
/// Caller: the owner, or a thread acting for an owner that has exited or is paused. Writes
/// owner_tid = 0 and local_count = 0 before publishing kMerged. An immortal object is left alone
/// (returns 1 so that nobody frees it).
std::intptr_t explicit_merge(ObjectHeader* object, std::intptr_t extra);

void incref_deferred(ObjectHeader* object);
void decref_deferred(ObjectHeader* object);

namespace detail {
/// The calling thread's per-thread counts for deferred objects (deferred.h), cached where the
/// inline incref/decref reach them without a call: the array of the bound ThreadRecord and its
/// size (0 when no record is bound, or its array must grow first: then the out-of-line path).
struct DeferredCountsView {
  std::atomic<std::intptr_t>* counts = nullptr;
  std::uint32_t size = 0;
};
#if !defined(STITCH_STENCIL_BUILD)  // JIT stencils cannot hold TLS relocations: they call out
// initial-exec: one %fs-relative load, also inside libstitch.so (a few bytes of static TLS).
extern constinit thread_local DeferredCountsView t_deferred_counts __attribute__((tls_model("initial-exec")));
#endif
}  // namespace detail

/// incref/decref of a deferred object (local_count is its kDeferredLocalBase + uid).
inline void count_deferred(ObjectHeader* object, std::uint32_t local, std::intptr_t delta) {
#if !defined(STITCH_STENCIL_BUILD)
  const detail::DeferredCountsView& view = detail::t_deferred_counts;
  const std::uint32_t uid = local - kDeferredLocalBase;
  if (uid < view.size) {
    std::atomic<std::intptr_t>& count = view.counts[uid];
    count.store(count.load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
    return;
  }
#else
  (void)local;
#endif
  if (delta > 0) incref_deferred(object);
  else decref_deferred(object);
}

inline void incref(ObjectHeader* object) {
  const std::uint32_t local = object->local_count.load(std::memory_order_relaxed);
  if (local >= kDeferredLocalBase) {  // immortal or deferred: one compare covers both
    if (local != kImmortalLocal) count_deferred(object, local, 1);
    return;
  }
  if (is_owned_by_current_thread(object)) {
    // An owner count that would enter the deferred range makes the object immortal instead.
    const std::uint32_t new_local = local + 1 == kDeferredLocalBase ? kImmortalLocal : local + 1;
    object->local_count.store(new_local, std::memory_order_relaxed);
  } else {
    object->shared.fetch_add(kSharedOne, std::memory_order_relaxed);
  }
}

inline void decref(ObjectHeader* object, DeallocFn dealloc) {
  std::uint32_t local = object->local_count.load(std::memory_order_relaxed);
  if (local >= kDeferredLocalBase) {
    if (local != kImmortalLocal) count_deferred(object, local, -1);
    return;
  }
  if (is_owned_by_current_thread(object)) {
    --local;
    object->local_count.store(local, std::memory_order_relaxed);
    if (local == 0) merge_zero_local(object, dealloc);
  } else {
    decref_shared(object, dealloc);
  }
}

/// Owner holds the only reference: local == 1 and the *whole* shared word is 0 (no foreign
/// references, no lock-free readers allowed, not queued). Gate for in-place mutation.
bool is_uniquely_referenced(const ObjectHeader* object);
/// The owner holds exactly `count` references and nobody else holds any (is_uniquely_referenced
/// is count == 1). For the interpreter's "this local and the stack are the only holders" checks.
bool is_referenced_only_by_owner(const ObjectHeader* object, std::uint32_t count);

/// local + (shared >> 2); racy snapshot for tests and debugging. kImmortalLocal for immortals;
/// for deferred objects, the shared count plus the calling thread's count (other threads' counts
/// are not visible).
std::intptr_t reference_count(const ObjectHeader* object);

}  // namespace stitch::rc
