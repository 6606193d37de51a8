// Slow paths of biased reference counting. The algorithm, its invariants and the memory orders
// are described in refcount.h; the comments here point at the parts each line depends on.
#include "refcount/refcount.h"

#include "refcount/merge_queue.h"

namespace stitch::rc {

void init_owned(ObjectHeader* object, const void* type) {
  // Thread-private until published; the publishing store (release) orders these.
  object->owner_tid.store(current_thread_id(), std::memory_order_relaxed);
  object->flags.store(0, std::memory_order_relaxed);
  object->mutex.store(0, std::memory_order_relaxed);
  object->gc_bits.store(0, std::memory_order_relaxed);
  object->local_count.store(1, std::memory_order_relaxed);
  object->shared.store(0, std::memory_order_relaxed);
  object->type = type;
}

void make_immortal(ObjectHeader* object) {
  // Private or pre-publication object: plain (relaxed) stores suffice.
  object->local_count.store(kImmortalLocal, std::memory_order_relaxed);
  object->owner_tid.store(0, std::memory_order_relaxed);
  object->shared.store(0, std::memory_order_relaxed);
}

void merge_zero_local(ObjectHeader* object, DeallocFn dealloc) {
  // Acquire pairs with the release half of the acq_rel CAS in decref_shared: the writes of every
  // non-owner that dropped its reference happen-before the free below.
  std::intptr_t shared = object->shared.load(std::memory_order_acquire);
  if (shared == 0) {
    // kDefault with count 0: no foreign reference exists and no lock-free reader may take one
    // (try_incref refuses shared == 0). The common, atomic-free free.
    dealloc(object);
    return;
  }
  // Give the object up. Ordering rule (gh-121794): owner_tid = 0 before kMerged is published,
  // because after the CAS another thread may free the object. local_count is already 0.
  object->owner_tid.store(0, std::memory_order_relaxed);
  std::intptr_t merged;
  do {
    merged = shared | static_cast<std::intptr_t>(SharedState::kMerged);
    // acq_rel: release publishes owner_tid = 0 (and our writes to the object) to the thread that
    // will free it; acquire lets *us* free it safely if the merged count is already 0.
  } while (!object->shared.compare_exchange_weak(shared, merged, std::memory_order_acq_rel,
                                                 std::memory_order_relaxed));
  if (merged == kSharedMerged) dealloc(object);
}

void decref_shared(ObjectHeader* object, DeallocFn dealloc) {
  std::intptr_t shared = object->shared.load(std::memory_order_relaxed);
  std::intptr_t desired;
  bool should_queue;
  do {
    // Count 0 and not yet queued or merged: the reference we drop is accounted in the owner's
    // local count. Only the owner may change that count, so hand the reference to its queue.
    should_queue = shared == 0 || shared == kSharedMaybeWeakref;
    desired = should_queue ? kSharedQueued : shared - kSharedOne;
    // acq_rel: release publishes our writes to the object before our reference is gone (pairs
    // with the acquire of whichever thread frees it: this CAS, merge_zero_local's load, or an
    // explicit merge CAS); acquire lets us free it if we bring a merged count to 0.
  } while (!object->shared.compare_exchange_weak(shared, desired, std::memory_order_acq_rel,
                                                 std::memory_order_relaxed));
  if (should_queue) {
    queue_for_owner(object, dealloc);
  } else if (desired == kSharedMerged) {
    dealloc(object);
  }
}

std::intptr_t explicit_merge(ObjectHeader* object, std::intptr_t extra) {
  const std::uint32_t local = object->local_count.load(std::memory_order_relaxed);
  // Overflowed to immortal while queued: keep it forever. Deferred objects are never queued
  // (they are counted per thread); refusing keeps a misuse from corrupting their uid.
  if (local >= kDeferredLocalBase) return 1;
  // Ordering rule (gh-119999): the private fields are written before kMerged is published;
  // after the CAS another thread may free the object at any moment.
  object->local_count.store(0, std::memory_order_relaxed);
  object->owner_tid.store(0, std::memory_order_relaxed);
  std::intptr_t shared = object->shared.load(std::memory_order_relaxed);
  std::intptr_t merged;
  do {
    const std::intptr_t count = shared_count_of(shared) + static_cast<std::intptr_t>(local) + extra;
    merged = make_shared(count, SharedState::kMerged);
    // acq_rel: release publishes the private-field writes above (pairs with the acquire CAS of
    // the thread that brings the count to 0); acquire so that the caller, if the merged count is
    // 0, sees every write made before the other references were dropped.
  } while (!object->shared.compare_exchange_weak(shared, merged, std::memory_order_acq_rel,
                                                 std::memory_order_relaxed));
  return shared_count_of(merged);
}

bool is_uniquely_referenced(const ObjectHeader* object) { return is_referenced_only_by_owner(object, 1); }

bool is_referenced_only_by_owner(const ObjectHeader* object, std::uint32_t count) {
  return is_owned_by_current_thread(object) &&
         object->local_count.load(std::memory_order_relaxed) == count &&
         object->shared.load(std::memory_order_relaxed) == 0;
}

std::intptr_t reference_count(const ObjectHeader* object) {
  const std::uint32_t local = object->local_count.load(std::memory_order_relaxed);
  if (local == kImmortalLocal) return static_cast<std::intptr_t>(kImmortalLocal);
  if (local >= kDeferredLocalBase) {
    const ThreadRecord* record = current_record();
    std::intptr_t mine = record != nullptr ? record->deferred_counts().get(local - kDeferredLocalBase) : 0;
    return shared_count_of(object->shared.load(std::memory_order_relaxed)) + mine;
  }
  return static_cast<std::intptr_t>(local) +
         shared_count_of(object->shared.load(std::memory_order_relaxed));
}

}  // namespace stitch::rc
