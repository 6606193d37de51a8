// Conditional increments for lock-free readers.
//
// Problem. A reader that loads an object pointer from a shared slot without holding a lock
// (a dict entry, a list item) must turn that borrowed pointer into a strong reference while the
// writer may concurrently replace the slot and drop the old object.
//
// Algorithm (CPython's _Py_TryIncrefCompare):
//   1. Fast: immortal -> nothing to do; owned by this thread -> plain local increment (nobody
//      else can free an object we own: foreign decrefs only queue it or it is merged).
//   2. Otherwise CAS-increment `shared`, but refuse when `shared` is exactly 0 (kDefault, count 0:
//      the owner may free it at any moment without an atomic) or exactly kMerged with count 0
//      (already dead).
//   3. Re-load the slot with acquire. Still `expected`: the writer's replacing store has not
//      happened (or the object was stored again), so its later decref sees our increment; we
//      hold a real reference. Changed: undo with a decref and fail; the caller reloads.
// Hence a writer that publishes an object for lock-free readers first moves it to kMaybeWeakref
// (set_maybe_weakref), and the locked fallback path uses incref_with_lock, which does the same so
// that the next lock-free read succeeds.
//
// This relies on type-stable memory: a stale pointer must still point at *some* object header
// (live, dead or reused), never at unrelated bytes. The runtime provides that with QSBR; tests
// keep dead objects in a graveyard until the readers are joined.
//
// Orders: the shared CAS is acquire on success, and the re-load of the slot is acquire. The
// writer stores the slot (release) *before* its decref CAS (release). If our CAS comes after the
// writer's decref in `shared`'s modification order, it reads from that release sequence, so the
// writer's slot store happens-before our re-load, which then sees the new pointer and we back out.
// So "re-load still sees expected" implies our increment precedes the writer's decrement.
#pragma once

#include <atomic>

#include "refcount/object_header.h"

namespace stitch::rc {

/// Steps 1 and 2 alone: a strong reference unless the object may be freed without an atomic
/// (kDefault, shared 0, not ours) or is dead. For callers whose slots are not
/// std::atomic<ObjectHeader*> (core/object's containers): they re-validate their slot themselves,
/// exactly as step 3 does, and undo with a decref when it changed.
bool try_incref(ObjectHeader* object);

/// Strong reference to `expected` if the slot still holds it; false otherwise (nothing held).
/// The undo decref of a failed attempt uses the dealloc of the calling thread's Domain.
bool try_incref_compare(const std::atomic<ObjectHeader*>* source, ObjectHeader* expected);

/// Loads the slot and retries try_incref_compare until it succeeds; null if the slot is null.
/// Precondition: objects stored in the slot are kMaybeWeakref or later (set_maybe_weakref), or
/// immortal, or owned by the caller; otherwise this spins until the slot changes.
ObjectHeader* try_get_ref(const std::atomic<ObjectHeader*>* source);

/// Locked fallback path: increments `shared` (or local for the owner) and sets kMaybeWeakref if
/// the state was kDefault, so that later lock-free reads of this object succeed.
void incref_with_lock(ObjectHeader* object);

/// Writers publishing an object to lock-free readers: CAS the state kDefault -> kMaybeWeakref.
/// No-op for immortals and for objects already past kDefault.
void set_maybe_weakref(ObjectHeader* object);

}  // namespace stitch::rc
